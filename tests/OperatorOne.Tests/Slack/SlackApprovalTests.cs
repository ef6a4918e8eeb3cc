using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Approvals;

namespace OperatorOne.Tests.Slack;

[Collection(SlackCollection.Name)]
public sealed class SlackApprovalTests(SlackFixture fixture)
{
    private SlackStandIn Slack => fixture.Slack;

    [Fact]
    public async Task TwentyConcurrentClicksDeleteATicketOnceAndUpdateEveryApproversCard()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var organization = workspace.Organization;
        foreach (var handle in new[] { "admin", "admin2" })
        {
            await workspace.PostEventAsync(workspace.DmEnvelope(handle, "help"));
            await Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel(handle));
        }
        await workspace.PostEventAsync(workspace.DmEnvelope("member", "open a ticket: printer jammed on floor 2"));
        await Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("member")
            && c.Arguments["text"]!.ToString().Contains("#1", StringComparison.Ordinal));
        await workspace.PostEventAsync(workspace.DmEnvelope("member", "delete ticket 1"));
        var requestId = await PendingRequestAsync(workspace);

        // The owner never wrote to the bot: the card reaches them in a DM the bot opens.
        var cards = await Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments.ToJsonString().Contains(requestId.ToString()), count: 3);
        var cardIn = cards.ToDictionary(c => c.Arguments["channel"]!.ToString());
        Assert.Equal(new HashSet<string> { workspace.DmChannel("admin"), workspace.DmChannel("admin2"), "D" + workspace.UserId("owner") }, cardIn.Keys.ToHashSet());
        Assert.All(cards, c => Assert.Equal(SlackFixture.BotToken, c.Token));
        var actions = cardIn[workspace.DmChannel("admin")].Arguments["blocks"]!.AsArray().OfType<JsonObject>()
            .Single(b => b["type"]!.GetValue<string>() == "actions")["elements"]!.AsArray();
        Assert.Equal(["primary", "danger"], actions.Select(a => a!["style"]!.GetValue<string>()));
        var approve = actions[0]!["value"]!.GetValue<string>();
        var cardTs = await TsOfCardsAsync(workspace, cardIn.Keys);

        var hook = $"click-{Guid.NewGuid():N}";
        var clicks = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? "admin" : "admin2").Select(handle =>
            workspace.PostClickAsync(handle, workspace.DmChannel(handle), cardTs[workspace.DmChannel(handle)], approve, Slack.ResponseUrl(hook)));
        var responses = await Task.WhenAll(clicks);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var answers = await Slack.WaitForAsync(c => c.Method == "response_url" && c.Arguments["hook"]?.ToString() == hook, count: 20);
        Assert.Single(answers, a => a.Arguments["text"]!.ToString().StartsWith("Approved #1", StringComparison.Ordinal));
        Assert.All(answers, a => Assert.Equal("ephemeral", a.Arguments["response_type"]!.ToString()));
        var updates = await Slack.WaitForAsync(c => c.Method == "chat.update" && cardTs.ContainsKey(c.Arguments["channel"]?.ToString() ?? "")
            && c.Arguments["text"]!.ToString().Contains("approved by", StringComparison.OrdinalIgnoreCase), count: 3);
        Assert.Equal(cardTs, updates.ToDictionary(u => u.Arguments["channel"]!.ToString(), u => u.Arguments["ts"]!.ToString()));
        Assert.All(updates, u => Assert.DoesNotContain(u.Arguments["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "actions"));
        await Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("member")
            && c.Arguments["text"]!.ToString().Contains("was approved by", StringComparison.Ordinal));
        var (status, decisions, deletions, tickets) = await fixture.Host.InOrganizationAsync(organization.Id, async db => (
            (await db.ApprovalRequests.SingleAsync(a => a.Id == requestId)).Status,
            await db.AuditEvents.CountAsync(a => a.Kind == "approval_decided"),
            await db.AuditEvents.CountAsync(a => a.Kind == "approved_tool_call" && a.Tool == "delete_ticket"),
            await db.Tickets.CountAsync()));
        Assert.Equal(ApprovalStatus.Executed, status);
        Assert.Equal(1, decisions);
        Assert.Equal(1, deletions);
        Assert.Equal(0, tickets);
    }

    [Fact]
    public async Task ApproversWhoNeverMessagedTheBotGetTheCardInADirectMessageTheBotOpens()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        await workspace.PostEventAsync(workspace.DmEnvelope("member", "open a ticket: stapler jams"));
        await Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("member")
            && c.Arguments["text"]!.ToString().Contains("#1", StringComparison.Ordinal));

        await workspace.PostEventAsync(workspace.DmEnvelope("member", "delete ticket 1"));
        var requestId = await PendingRequestAsync(workspace);

        foreach (var handle in new[] { "admin", "admin2" })
        {
            var user = workspace.UserId(handle);
            await Slack.WaitForAsync(c => c.Method == "conversations.open" && c.Arguments["users"]?.ToString() == user);
            await Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == "D" + user
                && c.Arguments.ToJsonString().Contains(requestId.ToString(), StringComparison.Ordinal));
        }
    }

    private async Task<Guid> PendingRequestAsync(SlackWorkspace workspace)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var id = await fixture.Host.InOrganizationAsync(workspace.Organization.Id,
                db => db.ApprovalRequests.Where(a => a.Tool == "delete_ticket").Select(a => (Guid?)a.Id).SingleOrDefaultAsync());
            if (id is { } found)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < deadline, "No approval request for delete_ticket was made.");
            await Task.Delay(50);
        }
    }

    /// <summary>The ts each card copy was posted under, as the outbox recorded it from chat.postMessage.</summary>
    private async Task<Dictionary<string, string>> TsOfCardsAsync(SlackWorkspace workspace, IEnumerable<string> channels)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var ids = await fixture.Host.InOrganizationAsync(workspace.Organization.Id,
                db => db.ApprovalCardCopies.Where(c => c.ActivityId != null).Select(c => c.ActivityId!).ToListAsync());
            if (ids.Count == channels.Count() || DateTime.UtcNow > deadline)
            {
                return ids.Select(id => id.Split(':')).ToDictionary(p => p[0], p => p[1]);
            }
            await Task.Delay(50);
        }
    }
}
