using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Teams;

namespace OperatorOne.Tests.Security;

/// <summary>
/// The two races the fault run found, at 20 concurrent requests each: first messages of a new Teams conversation
/// (the transcript looked up, then inserted, and collided) and card clicks on one approval. No request may answer 5xx;
/// the conversation exists once; the tool runs once and every loser sees the decided card. These exercise the turn
/// loop the lead is rebuilding (issue 13) and may fail until that lands.
/// </summary>
[Collection(TeamsCollection.Name)]
public sealed class ConcurrencyRaceTests(TeamsBotHost host)
{
    private const int Concurrent = 20;

    [Fact]
    public async Task TwentyFirstMessagesInANewTeamsConversationAllSucceedAndMakeOneConversation()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        var conversationId = $"a:1{Guid.NewGuid():N}";
        var users = Enumerable.Range(0, Concurrent).Select(_ => new TeamsUser(host, tenant, "member", conversationId)).ToList();

        var responses = await Task.WhenAll(users.Select(u => u.Post(u.Payload("message-personal", new Dictionary<string, string> { ["text"] = "help" }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var conversations = await host.Bot.InOrganizationAsync(tenant.Organization.Id,
            db => db.Conversations.CountAsync(c => c.ExternalId == conversationId));
        Assert.Equal(1, conversations);
        users.ForEach(u => u.Dispose());
    }

    [Fact]
    public async Task TwentyCardClicksOnOneApprovalRunTheToolOnceAndEveryClickSeesTheDecidedCard()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var member = new TeamsUser(host, tenant, "member");
        using var admin = new TeamsUser(host, tenant, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.Post(admin.Payload("conversation-update-bot-added"))).StatusCode);
        await admin.ExpectReply("Hi ");
        await member.Send("purge the cache");
        await member.ExpectReply("approval");
        var card = (await admin.ExpectCard("Action.Execute")).Card!;
        var approvalId = card["actions"]![0]!["data"]!["approvalId"]!.GetValue<string>();

        var responses = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => admin.Post(admin.Payload("invoke-adaptive-card-action",
            new Dictionary<string, string> { ["approvalId"] = approvalId, ["verb"] = "approve", ["replyToId"] = "msg-1" }))));

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
            Assert.Contains("Approved by Ada Admin", body["value"]!.ToJsonString(), StringComparison.Ordinal);
        }
        await member.ExpectReply("was approved by");
        Assert.Equal(1, PurgeCacheTool.Runs.GetValueOrDefault(tenant.Organization.Id));
    }
}
