using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Approvals;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Approvals;

/// <summary>
/// No approval nobody can decide: a sole owner's Admin-tier request is refused up front with the reason; where the
/// organization allows self-approval, the owner confirms it in a second explicit step, audited as a self-approval.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class SoleOwnerApprovalTests(BotHost host)
{
    [Fact]
    public async Task ASoleOwnersAdminRequestIsRefusedUpFrontUntilSelfApprovalIsAllowedThenConfirmedAndAudited()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var ownerApi = await AdminKeys.ClientAsync(host, org, "owner");
        // Everyone but the owner leaves: nobody else can decide an Admin-tier request.
        await host.InOrganizationAsync(org.Id, db => db.Members.Where(m => m.Id != org.Members["owner"]).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false)));
        using var owner = await Chat.StartAsync(host, org, "owner");

        await owner.Send("link slack U0SOLE0001 to olivia");
        var refusal = (await owner.ExpectReply("nobody else in the organization can give it"))["text"]!.GetValue<string>();
        var requestsWhileRefused = await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.CountAsync());

        using var allowed = await ownerApi.PatchAsJsonAsync(AdminKeys.Base(org), new { allowSelfApproval = true });
        await owner.Send("link slack U0SOLE0001 to olivia");
        var offer = (await owner.ExpectReply("is yours to confirm"))["text"]!.GetValue<string>();
        var pending = await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.AsNoTracking().SingleAsync());
        var linkedBeforeConfirming = await LinkedAsync(org);
        await owner.Send($"approve {pending.Number}");
        await owner.ExpectReply($"Approved #{pending.Number}");

        Assert.Contains("allowSelfApproval", refusal, StringComparison.Ordinal);
        Assert.Contains("invite", refusal, StringComparison.Ordinal);
        Assert.Equal(0, requestsWhileRefused);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("self-approval", offer, StringComparison.Ordinal);
        Assert.False(linkedBeforeConfirming);
        Assert.True(await LinkedAsync(org));
        var decided = await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.AsNoTracking().SingleAsync());
        Assert.Equal(ApprovalStatus.Executed, decided.Status);
        Assert.Equal(org.Members["owner"], decided.DecidedById);
        var audits = await host.InOrganizationAsync(org.Id, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Kind == "self_approval" || (e.Kind == "tool_call" && e.Outcome == "refused")).Select(e => new { e.Kind, e.Outcome, e.Detail, e.MemberId }).ToListAsync());
        var self = Assert.Single(audits, a => a.Kind == "self_approval");
        Assert.Equal("executed", self.Outcome);
        Assert.Equal(org.Members["owner"], self.MemberId);
        Assert.Contains(audits, a => a.Kind == "tool_call" && a.Detail != null && a.Detail.Contains("no_approver", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhileAnotherApproverIsThereTheRequesterNeverDecidesTheirOwnRequestWithTheSettingOffOrOn()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var ownerApi = await AdminKeys.ClientAsync(host, org, "owner");
        using var owner = await Chat.StartAsync(host, org, "owner");

        await owner.Send("link slack U0OTHER001 to olivia");
        await owner.ExpectReply("sent approval request");
        var pending = await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.AsNoTracking().SingleAsync());
        await owner.Send($"approve {pending.Number}");
        await owner.ExpectReply("another approver has to decide it");
        using var allowed = await ownerApi.PatchAsJsonAsync(AdminKeys.Base(org), new { allowSelfApproval = true });
        await owner.Send($"approve {pending.Number}");
        await owner.ExpectReply("another approver has to decide it");

        var still = await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.AsNoTracking().SingleAsync());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(ApprovalStatus.Pending, still.Status);
        var selfApprovals = await host.InOrganizationAsync(org.Id, db => db.AuditEvents.CountAsync(e => e.Kind == "self_approval"));
        Assert.Equal(0, selfApprovals);
    }

    private Task<bool> LinkedAsync(TestOrganization org) =>
        host.InOrganizationAsync(org.Id, db => db.ChannelIdentities.AnyAsync(i => i.Channel == "slack" && i.ExternalId == "U0SOLE0001"));
}
