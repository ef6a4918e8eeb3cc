using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Data.Outbox;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Teams;

/// <summary>Messages the bot starts itself in Teams: approvers reached where they never wrote, refusals reported, slow turns answered later.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsProactiveTests(TeamsBotHost host)
{
    [Fact]
    public async Task ApproverWhoNeverMessagedTheBotGetsTheCardInANewOneToOneConversation()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var member = new TeamsUser(host, tenant, "member");
        var adminAad = tenant.AadObjectIds["admin"];
        using var admin = new TeamsUser(host, tenant, "admin", TeamsCloud.CreatedConversationId(adminAad));

        await member.Send("purge the cache");
        await member.ExpectReply("approval");

        var create = await host.Cloud.ExpectCallAsync(
            c => c.Path == "/connector/v3/conversations" && c.Body["members"]?[0]?["id"]?.GetValue<string>() == adminAad, "a 1:1 conversation for the admin");
        Assert.Equal("POST", create.Method);
        Assert.StartsWith("Bearer connector-token-", create.Authorization, StringComparison.Ordinal);
        Assert.Equal($"28:{TeamsBotHost.AppId}", create.Body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal(tenant.TenantId, create.Body["tenantId"]!.GetValue<string>());
        Assert.Equal(tenant.TenantId, create.Body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.False(create.Body["isGroup"]!.GetValue<bool>());

        var card = await admin.ExpectCard("Action.Execute");
        Assert.Equal("POST", card.Method);
        Assert.Equal([adminAad], card.Card!["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        var stored = await host.Bot.InOrganizationAsync(tenant.Organization.Id,
            db => db.Conversations.SingleAsync(c => c.MemberId == tenant.Organization.Members["admin"] && c.Channel == "msteams"));
        Assert.Equal(admin.ConversationId, stored.ExternalId);
        Assert.Contains(host.Cloud.ServiceUrl, stored.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedProactiveSendMarksTheConversationStaleAndTellsTheAdminsOnce()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var member = new TeamsUser(host, tenant, "member");
        using var admin = new TeamsUser(host, tenant, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.Post(admin.Payload("conversation-update-bot-added"))).StatusCode);
        await admin.ExpectReply("Hi Ada");
        await member.Send("purge the cache");
        await member.ExpectReply("approval");
        var card = (await admin.ExpectCard("Action.Execute")).Card!;
        var approvalId = card["actions"]![0]!["data"]!["approvalId"]!.GetValue<string>();
        // Mia blocks the bot: from now on Teams refuses every message into her chat.
        host.Cloud.RefusedConversations[member.EscapedConversation] = (403, "ConversationBlockedByUser");

        using var _ = await admin.Post(admin.Payload("invoke-adaptive-card-action", new Dictionary<string, string>
        {
            ["approvalId"] = approvalId, ["verb"] = "approve", ["replyToId"] = "msg-1",
        }));

        var notice = await admin.ExpectReply("I can no longer reach Mia Member in Teams");
        Assert.Contains("403 ConversationBlockedByUser", notice.Text, StringComparison.Ordinal);
        var (stale, told) = await host.Bot.InOrganizationAsync(tenant.Organization.Id, async db =>
        {
            var conversation = await db.Conversations.SingleAsync(c => c.ExternalId == member.ConversationId);
            var messages = await db.OutboxMessages.Where(m => m.ConversationId == conversation.Id).ToListAsync();
            return (conversation.IsStale, messages.Single(m => m.Activity.Contains("was approved", StringComparison.Ordinal)));
        });
        Assert.True(stale);
        Assert.Equal(OutboxStatus.Dead, told.Status);
        Assert.Equal(1, told.Attempts);
        await host.Bot.SettledAsync(tenant.Organization.Id);
        Assert.Single(admin.Calls, c => c.Text.Contains("no longer reach", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARefreshShowsTheApproverTheCardAsItStandsNow()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var member = new TeamsUser(host, tenant, "member");
        using var admin = new TeamsUser(host, tenant, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.Post(admin.Payload("conversation-update-bot-added"))).StatusCode);
        await admin.ExpectReply("Hi Ada");
        await member.Send("purge the cache");
        var delivered = (await admin.ExpectCard("Action.Execute")).Card!;
        var approvalId = delivered["actions"]![0]!["data"]!["approvalId"]!.GetValue<string>();
        var refresh = delivered["refresh"]!.AsObject();
        Assert.Equal("Action.Execute", refresh["action"]!["type"]!.GetValue<string>());
        Assert.Equal("refresh", refresh["action"]!["verb"]!.GetValue<string>());
        Assert.Equal(approvalId, refresh["action"]!["data"]!["approvalId"]!.GetValue<string>());
        Assert.Equal([admin.UserId], refresh["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));

        var pending = await InvokeAsync(admin, approvalId, "refresh");
        Assert.Equal(["approve", "reject"], pending["actions"]!.AsArray().Select(a => a!["verb"]!.GetValue<string>()));
        Assert.Equal([admin.UserId], pending["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));

        await InvokeAsync(admin, approvalId, "approve");
        var decided = await InvokeAsync(admin, approvalId, "refresh");
        Assert.Contains("Approved by Ada Admin", decided.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(decided["actions"]);
        Assert.Null(decided["refresh"]);
        Assert.Equal(1, PurgeCacheTool.Runs.GetValueOrDefault(tenant.Organization.Id));
    }

    [Fact]
    public async Task ARefreshShowsTheCardsTimesOnTheApproversClock()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        var org = tenant.Organization;
        // Ada approves from Tokyo; the organization (and Mia, who asks) keep UTC.
        await host.Bot.InOrganizationAsync(org.Id, db =>
            db.Members.Where(m => m.Id == org.Members["admin"]).ExecuteUpdateAsync(m => m.SetProperty(x => x.TimeZone, "Asia/Tokyo")));
        using var member = new TeamsUser(host, tenant, "member");
        using var admin = new TeamsUser(host, tenant, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.Post(admin.Payload("conversation-update-bot-added"))).StatusCode);
        await admin.ExpectReply("Hi Ada");
        await member.Send("purge the cache");
        var approvalId = (await admin.ExpectCard("Action.Execute")).Card!["actions"]![0]!["data"]!["approvalId"]!.GetValue<string>();
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        var pending = (await InvokeAsync(admin, approvalId, "refresh")).ToJsonString();
        var expires = await host.Bot.InOrganizationAsync(org.Id, db => db.ApprovalRequests.Where(a => a.Id == Guid.Parse(approvalId)).Select(a => a.ExpiresAt).SingleAsync());
        Assert.Contains(ApprovalCards.Format(expires, tokyo), pending, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", pending, StringComparison.Ordinal);

        await InvokeAsync(admin, approvalId, "approve");
        var decided = (await InvokeAsync(admin, approvalId, "refresh")).ToJsonString();
        var decidedAt = await host.Bot.InOrganizationAsync(org.Id, db => db.ApprovalRequests.Where(a => a.Id == Guid.Parse(approvalId)).Select(a => a.DecidedAt).SingleAsync());
        Assert.NotNull(decidedAt);
        Assert.Contains(ApprovalCards.Format(decidedAt.Value, tokyo), decided, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", decided, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATurnSlowerThanTheBudgetIsAcknowledgedAtOnceAndAnsweredProactively()
    {
        var tenant = await TeamsTenant.CreateAsync(host.Bot);
        using var member = new TeamsUser(host, tenant, "member");
        // The report cannot finish before it is released below, so the 200 here is the acknowledgement of a turn still running.
        await member.Send("run the slow report");

        var typing = await member.Expect(c => c.Body["type"]?.GetValue<string>() == "typing", "a typing indicator");
        Assert.Equal($"/connector/v3/conversations/{member.EscapedConversation}/activities", typing.Path);
        Assert.DoesNotContain(member.Calls, c => c.Text.Contains("slow report is ready", StringComparison.Ordinal));
        SlowReportTool.Release(tenant.Organization.Id);
        var answer = await member.ExpectReply("The slow report is ready");
        // Not threaded under the message: Teams has long had its response, so this is a proactive send.
        Assert.Equal($"/connector/v3/conversations/{member.EscapedConversation}/activities", answer.Path);
        // Teams gets the answer before the outbox records the row as sent: wait for the outbox to settle, then look.
        await host.Bot.SettledAsync(tenant.Organization.Id);
        var queued = await host.Bot.InOrganizationAsync(tenant.Organization.Id,
            db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sent).Select(m => m.Activity).ToListAsync());
        Assert.Single(queued, a => a.Contains("slow report is ready", StringComparison.Ordinal));
    }

    private static async Task<JsonObject> InvokeAsync(TeamsUser user, string approvalId, string verb)
    {
        using var response = await user.Post(user.Payload("invoke-adaptive-card-action", new Dictionary<string, string>
        {
            ["approvalId"] = approvalId, ["verb"] = verb, ["replyToId"] = "msg-1",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return body["value"]!.AsObject();
    }
}
