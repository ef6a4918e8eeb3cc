using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Approvals;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Voice;

/// <summary>Approvers hear their waiting approvals by phone and decide them by voice or keypad, behind the PIN and a read-back.</summary>
[Collection(VoiceCollection.Name)]
public sealed class VoiceApprovalTests(VoiceFixture fixture)
{
    /// <summary>Mia (member) asks in web chat to delete a ticket; the admin on the phone is an eligible approver.</summary>
    private async Task<(PhoneCall Call, Chat Requester, ApprovalRequest Request)> PendingDeletionAsync(bool withPin = true)
    {
        var call = await PhoneCall.CreateAsync(fixture, callerHandle: "admin");
        if (withPin)
        {
            await VoicePinData.SetPinAsync(fixture, call, "admin");
        }
        var member = await Chat.StartAsync(fixture.Host, call.Organization, "member");
        await member.Send("open a ticket: projector in room 4 is dead");
        await member.ExpectReply("#1");
        await member.Send("delete ticket 1");
        await member.ExpectReply("approval");
        var request = await fixture.Host.InOrganizationAsync(call.Organization.Id, db => db.ApprovalRequests.SingleAsync());
        return (call, member, request);
    }

    private Task<(int Executions, ApprovalStatus Status, int Tickets)> OutcomeAsync(PhoneCall call) =>
        fixture.Host.InOrganizationAsync(call.Organization.Id, async db => (
            await db.AuditEvents.CountAsync(e => e.Kind == "approved_tool_call" && e.Tool == "delete_ticket" && e.Outcome == "ok"),
            await db.ApprovalRequests.Select(a => a.Status).SingleAsync(),
            await db.Tickets.CountAsync()));

    [Fact]
    public async Task AnApproverIsToldOfWaitingApprovalsHearsOneAndApprovesItByVoice()
    {
        var (call, member, request) = await PendingDeletionAsync();
        using var _ = call;
        using var __ = member;

        var greeting = await call.IncomingAsync();
        Assert.Contains("1 approval request waiting", PhoneCall.Spoken(greeting), StringComparison.Ordinal);
        Assert.Contains("my approvals", greeting.Root!.Element("Gather")!.Attribute("hints")!.Value.Split(", "));
        var heard = await call.AnswerAsync(speech: "My approvals");
        Assert.Contains($"Approval {request.Number}: Mia asks to delete ticket 1 (", PhoneCall.Spoken(heard), StringComparison.Ordinal);
        Assert.Contains("Say approve or press 1, reject or press 2, or skip or press 3.", PhoneCall.Spoken(heard), StringComparison.Ordinal);
        await call.AnswerAsync(speech: "Approve.");
        var readBack = await call.AnswerAsync(speech: "four eight two one");
        Assert.Contains($"You chose to approve approval {request.Number}", PhoneCall.Spoken(readBack), StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, (await OutcomeAsync(call)).Status);

        var done = await call.AnswerAsync(speech: "Yes");

        Assert.Contains($"Approved {request.Number}", PhoneCall.Spoken(done), StringComparison.Ordinal);
        Assert.Contains("That's all your approvals.", PhoneCall.Spoken(done), StringComparison.Ordinal);
        Assert.Equal((1, ApprovalStatus.Executed, 0), await OutcomeAsync(call));
        await member.ExpectReply("approved by");
    }

    [Fact]
    public async Task AnApproverRejectsByKeypadAndNothingChanges()
    {
        var (call, member, _) = await PendingDeletionAsync();
        using var _1 = call;
        using var _2 = member;
        await call.IncomingAsync();
        await call.AnswerAsync(speech: "pending approvals");

        await call.AnswerAsync(digits: "2");
        await call.AnswerAsync(digits: VoicePinData.Pin);
        var done = await call.AnswerAsync(digits: "1");

        Assert.Contains("Rejected", PhoneCall.Spoken(done), StringComparison.Ordinal);
        Assert.Equal((0, ApprovalStatus.Rejected, 1), await OutcomeAsync(call));
    }

    [Fact]
    public async Task SkippingOrCancellingAtTheReadBackRecordsNoDecision()
    {
        var (call, member, _) = await PendingDeletionAsync();
        using var _1 = call;
        using var _2 = member;
        await call.IncomingAsync();
        await call.AnswerAsync(speech: "my approvals");
        await call.AnswerAsync(digits: "1");
        await call.AnswerAsync(digits: VoicePinData.Pin);

        var cancelled = await call.AnswerAsync(speech: "no");
        Assert.Contains("nothing was recorded", PhoneCall.Spoken(cancelled), StringComparison.OrdinalIgnoreCase);
        var skipped = await call.AnswerAsync(speech: "skip");

        Assert.Contains("That's all your approvals.", PhoneCall.Spoken(skipped), StringComparison.Ordinal);
        Assert.Equal((0, ApprovalStatus.Pending, 1), await OutcomeAsync(call));
    }

    [Fact]
    public async Task WithoutAVoicePinTheApproverIsToldToSetOneAndNoDecisionIsRecorded()
    {
        var (call, member, _) = await PendingDeletionAsync(withPin: false);
        using var _1 = call;
        using var _2 = member;
        await call.IncomingAsync();
        await call.AnswerAsync(speech: "my approvals");

        var refused = await call.AnswerAsync(digits: "1");

        Assert.Contains("set my voice pin", PhoneCall.Spoken(refused), StringComparison.Ordinal);
        Assert.Equal((0, ApprovalStatus.Pending, 1), await OutcomeAsync(call));
        Assert.Equal(["not_set"], await VoicePinData.AuditAsync(fixture, call, "voice_pin"));
    }

    [Fact]
    public async Task ACardClickInWebChatAndAPhoneDecisionAtTheSameMomentRunTheToolOnce()
    {
        var (call, member, request) = await PendingDeletionAsync();
        using var _1 = call;
        using var _2 = member;
        using var admin2 = await Chat.StartAsync(fixture.Host, call.Organization, "admin2");
        await call.IncomingAsync();
        await call.AnswerAsync(speech: "my approvals");
        await call.AnswerAsync(digits: "1");
        await call.AnswerAsync(digits: VoicePinData.Pin);

        var phone = call.AnswerAsync(digits: "1");
        var click = admin2.Submit(new JsonObject { ["approvalId"] = request.Id.ToString(), ["decision"] = "approve" });
        await Task.WhenAll(phone, click);

        Assert.Equal((1, ApprovalStatus.Executed, 0), await OutcomeAsync(call));
        Assert.Matches("Approved|already approved", PhoneCall.Spoken(await phone));
    }
}
