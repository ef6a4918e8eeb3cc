using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Approvals;
using OperatorOne.Data.Members;

namespace OperatorOne.Tests.Slack;

[Collection(SlackCollection.Name)]
public sealed class SlackApprovalTests(SlackFixture fixture)
{
    private SlackStandIn Slack => fixture.Slack;

    [Fact]
    public async Task TwentyConcurrentClicksDecideASlackApprovalOnceAndUpdateEveryApproversCard()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var organization = workspace.Organization;
        foreach (var handle in new[] { "admin", "admin2", "member" })
        {
            await workspace.PostEventAsync(workspace.DmEnvelope(handle, "help"));
            await Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel(handle));
        }
        var requestId = await RequestApprovalAsync(workspace);

        var cards = await Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments.ToJsonString().Contains(requestId.ToString()), count: 2);
        var cardIn = cards.ToDictionary(c => c.Arguments["channel"]!.ToString());
        Assert.Equal(new HashSet<string> { workspace.DmChannel("admin"), workspace.DmChannel("admin2") }, cardIn.Keys.ToHashSet());
        var approve = cardIn[workspace.DmChannel("admin")].Arguments["blocks"]!.AsArray().OfType<JsonObject>()
            .Single(b => b["type"]!.GetValue<string>() == "actions")["elements"]![0]!["value"]!.GetValue<string>();
        var cardTs = await TsOfCardsAsync(workspace, cardIn.Keys);

        var hook = $"click-{Guid.NewGuid():N}";
        var clicks = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? "admin" : "admin2").Select(handle =>
            workspace.PostClickAsync(handle, workspace.DmChannel(handle), cardTs[workspace.DmChannel(handle)], approve, Slack.ResponseUrl(hook)));
        var responses = await Task.WhenAll(clicks);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var answers = await Slack.WaitForAsync(c => c.Method == "response_url" && c.Arguments["hook"]?.ToString() == hook, count: 20);
        Assert.Single(answers, a => a.Arguments["text"]!.ToString().StartsWith("Approved #1", StringComparison.Ordinal));
        Assert.All(answers, a => Assert.Equal("ephemeral", a.Arguments["response_type"]!.ToString()));
        var updates = await Slack.WaitForAsync(c => c.Method == "chat.update" && c.Arguments["text"]!.ToString().Contains("approved by", StringComparison.OrdinalIgnoreCase), count: 2);
        Assert.Equal(cardTs, updates.ToDictionary(u => u.Arguments["channel"]!.ToString(), u => u.Arguments["ts"]!.ToString()));
        Assert.All(updates, u => Assert.DoesNotContain(u.Arguments["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "actions"));
        await Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("member")
            && c.Arguments["text"]!.ToString().Contains("was approved by", StringComparison.Ordinal));
        var (status, decisions) = await fixture.Host.InOrganizationAsync(organization.Id, async db => (
            (await db.ApprovalRequests.SingleAsync(a => a.Id == requestId)).Status,
            await db.AuditEvents.CountAsync(a => a.Kind == "approval_decided")));
        Assert.Equal(ApprovalStatus.Executed, status);
        Assert.Equal(1, decisions);
    }

    /// <summary>The member asks for something that needs an admin; the request is made as the tool executor would (the risky tools live in skills).</summary>
    private async Task<Guid> RequestApprovalAsync(SlackWorkspace workspace)
    {
        var services = fixture.Host.Services;
        var organization = workspace.Organization;
        var id = await fixture.Host.InOrganizationAsync(organization.Id, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var conversations = await db.Conversations.Where(c => c.Channel == "slack" && c.MemberId != null).ToListAsync();
            var member = organization.Members["member"];
            var request = new ApprovalRequest
            {
                Id = Guid.NewGuid(), OrganizationId = organization.Id, Number = 1, Tool = "help", Arguments = "{}", Summary = "Show the help",
                RequestedById = member, RequestedInConversationId = conversations.Single(c => c.MemberId == member).Id,
                RequiredRole = MemberRole.Admin, Status = ApprovalStatus.Pending, CreatedAt = now, ExpiresAt = now.AddHours(1),
            };
            db.ApprovalRequests.Add(request);
            var context = new ToolContext
            {
                Db = db, OrganizationId = organization.Id, Clock = TimeProvider.System, Services = services,
                Caller = new Caller(member, "Mia Member", MemberRole.Member, "slack", workspace.UserId("member")),
                Outbox = services.GetRequiredService<OutboxWriter>(), ConversationId = request.RequestedInConversationId,
            };
            var approvers = new[] { organization.Members["admin"], organization.Members["admin2"] };
            foreach (var conversation in conversations.Where(c => approvers.Contains(c.MemberId!.Value)))
            {
                ApprovalRequests.SendCard(context, request, "Mia Member", conversation);
            }
            await db.SaveChangesAsync();
            return request.Id;
        });
        services.GetRequiredService<OutboxSignal>().Notify();
        return id;
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
