using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Approvals;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Approvals;

[Collection(BotCollection.Name)]
public sealed class ConcurrentApprovalTests(BotHost host)
{
    [Fact]
    public async Task FiftyConcurrentApproveClicksRunTheToolExactlyOnce()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var admin2 = await Chat.StartAsync(host, org, "admin2");
        await member.Send("open a ticket: projector in room 4 is dead");
        await member.ExpectReply("#1");

        await member.Send("delete ticket 1");
        await member.ExpectReply("approval");
        var card = await admin.ExpectCard("Approve");
        var approve = ApproveData(card);

        var clicks = Enumerable.Range(0, 50).Select(i => (i % 2 == 0 ? admin : admin2).Submit(approve.DeepClone().AsObject()));
        await Task.WhenAll(clicks);

        var (executions, status, ticketsLeft) = await host.InOrganizationAsync(org.Id, async db => (
            await db.AuditEvents.CountAsync(e => e.Kind == "approved_tool_call" && e.Tool == "delete_ticket" && e.Outcome == "ok"),
            await db.ApprovalRequests.Select(a => a.Status).SingleAsync(),
            await db.Tickets.CountAsync()));
        Assert.Equal(1, executions);
        Assert.Equal(ApprovalStatus.Executed, status);
        Assert.Equal(0, ticketsLeft);
        await member.ExpectReply("approved by");
    }

    [Fact]
    public async Task TheRequesterCannotApproveTheirOwnRequest()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var owner = await Chat.StartAsync(host, org, "owner");
        await admin.Send("open a ticket: old laptop");
        await admin.ExpectReply("#1");
        await admin.Send("delete ticket 1");
        await admin.ExpectReply("approval");
        var card = await owner.ExpectCard("Approve");

        await admin.Submit(ApproveData(card));

        await admin.ExpectReply("another approver");
        Assert.Equal(1, await host.InOrganizationAsync(org.Id, db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task ARejectedRequestChangesNothingAndUpdatesTheCard()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        using var admin = await Chat.StartAsync(host, org, "admin");
        await member.Send("open a ticket: keep me");
        await member.ExpectReply("#1");
        await member.Send("delete ticket 1");
        var card = await admin.ExpectCard("Approve");
        var reject = ApproveData(card);
        reject["decision"] = "reject";

        await admin.Submit(reject);

        await member.ExpectReply("rejected by Ada Admin");
        var updated = await admin.ExpectCard("Rejected by Ada Admin");
        Assert.Equal(card["id"]!.GetValue<string>(), updated["id"]!.GetValue<string>());
        Assert.Equal(1, await host.InOrganizationAsync(org.Id, db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task OnlyMembersOfTheRequiredRoleReceiveTheApprovalCard()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        using var viewer = await Chat.StartAsync(host, org, "viewer");
        using var admin = await Chat.StartAsync(host, org, "admin");
        await member.Send("open a ticket: who may approve");
        await member.ExpectReply("#1");

        await member.Send("delete ticket 1");
        await admin.ExpectCard("Approve");

        var receivers = await host.InOrganizationAsync(org.Id, db => db.ApprovalCardCopies
            .Join(db.Conversations, c => c.ConversationId, c => c.Id, (_, c) => c.MemberId)
            .ToListAsync());
        Assert.DoesNotContain(org.Members["viewer"], receivers.Cast<Guid>());
        Assert.DoesNotContain(org.Members["member"], receivers.Cast<Guid>());
        Assert.Contains(org.Members["admin"], receivers.Cast<Guid>());
    }

    private static JsonObject ApproveData(JsonObject activity) =>
        activity["attachments"]![0]!["content"]!["actions"]!.AsArray()
            .Select(a => a!["data"]!.AsObject())
            .First(d => d["decision"]!.GetValue<string>() == "approve")
            .DeepClone().AsObject();
}
