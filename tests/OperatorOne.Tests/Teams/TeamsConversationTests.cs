using System.Net;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Teams;

[Collection(TeamsCollection.Name)]
public sealed class TeamsConversationTests(TeamsBotHost host)
{
    [Fact]
    public async Task MessageIsAnsweredAsAThreadedReplyUnderTheEscapedConversation()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var teams = new TeamsUser(host, tenant, "member");

        var activityId = TeamsUser.NewActivityId();
        await teams.Send("help", activityId);

        var reply = await teams.ExpectReply("what you can ask");
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"/connector/v3/conversations/{teams.EscapedConversation}/activities/{activityId}", reply.Path);
        Assert.Equal(activityId, reply.Body["replyToId"]?.GetValue<string>());
        Assert.Equal(teams.ConversationId, reply.Body["conversation"]?["id"]?.GetValue<string>());
        Assert.Equal("message", reply.Body["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task RedeliveredActivityIsAcknowledgedAndProcessedOnce()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var teams = new TeamsUser(host, tenant, "member");
        var activityId = TeamsUser.NewActivityId();

        // Teams re-sends when the bot is slow; the copies arrive with the same id, even at the same time.
        await Task.WhenAll(teams.Send("purge the cache", activityId), teams.Send("purge the cache", activityId));
        await teams.Send("purge the cache", activityId);

        await teams.ExpectReply("approval");
        await host.Bot.SettledAsync(tenant.Organization.Id);
        Assert.Single(teams.Calls, c => c.Text.Contains("approval", StringComparison.OrdinalIgnoreCase) && c.Path.EndsWith(activityId, StringComparison.Ordinal));
        var requests = await host.Bot.InOrganizationAsync(tenant.Organization.Id, db => Task.FromResult(db.ApprovalRequests.Count()));
        Assert.Equal(1, requests);
        var inbound = await host.Bot.InOrganizationAsync(tenant.Organization.Id, db =>
            Task.FromResult(db.TranscriptMessages.Count(m => m.ActivityId == activityId)));
        Assert.Equal(1, inbound);
    }

    [Fact]
    public async Task MentionInAChannelIsStrippedBeforeRecognition()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var teams = new TeamsUser(host, tenant, "member", conversationId: "19:ops@thread.tacv2;messageid=1700000000001");

        var response = await teams.Post(teams.Payload("message-channel-mention", new Dictionary<string, string> { ["text"] = "help" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await teams.ExpectReply("what you can ask");
        Assert.StartsWith("/connector/v3/conversations/19%3Aops%40thread.tacv2%3Bmessageid%3D1700000000001/activities/", reply.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallingTheBotStoresTheReferenceAndWelcomesTheInstaller()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var teams = new TeamsUser(host, tenant, "member");

        var response = await teams.Post(teams.Payload("conversation-update-bot-added"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = await teams.ExpectReply("Hi Mia");
        Assert.Equal($"/connector/v3/conversations/{teams.EscapedConversation}/activities", welcome.Path);
        var stored = await host.Bot.InOrganizationAsync(tenant.Organization.Id, db =>
            Task.FromResult(db.Conversations.Single(c => c.Channel == "msteams" && c.ExternalId == teams.ConversationId)));
        Assert.Equal(tenant.Organization.Members["member"], stored.MemberId);
        Assert.Contains(host.Cloud.ServiceUrl, stored.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTenantIsToldItIsNotConnected()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot) with { TenantId = Guid.NewGuid().ToString() };
        using var teams = new TeamsUser(host, tenant, "member");

        await teams.Send("help");

        await teams.ExpectReply("isn't connected to OperatorOne");
    }

    [Fact]
    public async Task UnsupportedInvokeIsNotImplemented()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var teams = new TeamsUser(host, tenant, "member");
        var invoke = teams.Payload("invoke-adaptive-card-action", new Dictionary<string, string>
        {
            ["verb"] = "approve", ["approvalId"] = Guid.NewGuid().ToString(), ["replyToId"] = "1",
        });
        invoke["name"] = "task/fetch";

        var response = await teams.Post(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }
}
