using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Teams;

/// <summary>Approvals decided from a Teams card: Universal Actions in, the updated card back, every copy updated in place.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsApprovalTests(TeamsBotHost host)
{
    [Fact]
    public async Task AdminApprovesFromTheTeamsCardAndEveryoneSeesTheOutcome()
    {
        var (tenant, member, admin, admin2, approvalId) = await RequestPurgeAsync();

        using var response = await admin.Post(Invoke(admin, approvalId, "approve"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Contains("Approved by Ada Admin", body["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(body["value"]!["actions"]);

        var update = await admin2.ExpectCard("Approved by Ada Admin");
        Assert.Equal("PUT", update.Method);
        Assert.Matches(@"^/connector/v3/conversations/[^/]+/activities/msg-\d+$", update.Path);
        Assert.StartsWith("Bearer ", update.Authorization, StringComparison.Ordinal);
        await member.ExpectReply("was approved by Ada Admin");
        Assert.Equal(1, PurgeCacheTool.Runs.GetValueOrDefault(tenant.Organization.Id));
    }

    [Fact]
    public async Task TwoApproversClickingAtOnceRunTheToolOnce()
    {
        var (tenant, member, admin, admin2, approvalId) = await RequestPurgeAsync();

        var responses = await Task.WhenAll(admin.Post(Invoke(admin, approvalId, "approve")), admin2.Post(Invoke(admin2, approvalId, "approve")));

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
            Assert.Contains("Approved by", body["value"]!.ToJsonString(), StringComparison.Ordinal);
        }
        await member.ExpectReply("was approved by");
        await host.Bot.SettledAsync(tenant.Organization.Id);
        Assert.Equal(1, PurgeCacheTool.Runs.GetValueOrDefault(tenant.Organization.Id));
    }

    [Fact]
    public async Task RedeliveredInvokeAnswersWithTheSameCardWithoutDecidingAgain()
    {
        var (tenant, _, admin, _, approvalId) = await RequestPurgeAsync();
        var invoke = Invoke(admin, approvalId, "reject");

        using var first = await admin.Post(invoke);
        using var again = await admin.Post(invoke);

        var body = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("Rejected by Ada Admin", body["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, PurgeCacheTool.Runs.GetValueOrDefault(tenant.Organization.Id));
    }

    [Fact]
    public async Task MemberWhoCannotApproveGetsAMessageAndTheCardStays()
    {
        var (tenant, member, _, _, approvalId) = await RequestPurgeAsync();

        using var response = await member.Post(Invoke(member, approvalId, "approve"));

        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Contains("admin or above", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, PurgeCacheTool.Runs.GetValueOrDefault(tenant.Organization.Id));
    }

    /// <summary>Two admins have the bot installed; the member asks for a risky action; both admins get the Teams card.</summary>
    private async Task<(TeamsTenant Tenant, TeamsUser Member, TeamsUser Admin, TeamsUser Admin2, string ApprovalId)> RequestPurgeAsync()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        var member = new TeamsUser(host, tenant, "member");
        var admin = new TeamsUser(host, tenant, "admin");
        var admin2 = new TeamsUser(host, tenant, "admin2");
        foreach (var user in new[] { admin, admin2 })
        {
            Assert.Equal(HttpStatusCode.OK, (await user.Post(user.Payload("conversation-update-bot-added"))).StatusCode);
            await user.ExpectReply("Hi ");
        }

        await member.Send("purge the cache");
        await member.ExpectReply("approval");

        var card = (await admin.ExpectCard("Action.Execute")).Card!;
        await admin2.ExpectCard("Action.Execute");
        var actions = card["actions"]!.AsArray();
        Assert.All(actions, a => Assert.Equal("Action.Execute", a!["type"]!.GetValue<string>()));
        Assert.Equal(["approve", "reject"], actions.Select(a => a!["verb"]!.GetValue<string>()));
        return (tenant, member, admin, admin2, actions[0]!["data"]!["approvalId"]!.GetValue<string>());
    }

    private static JsonObject Invoke(TeamsUser user, string approvalId, string verb) =>
        user.Payload("invoke-adaptive-card-action", new Dictionary<string, string>
        {
            ["approvalId"] = approvalId, ["verb"] = verb, ["replyToId"] = "msg-1",
        });
}
