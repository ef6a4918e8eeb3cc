using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data;
using OperatorOne.Data.Voice;

namespace OperatorOne.Channels.Voice;

/// <summary>What one guided step decided: the TwiML to answer, the words said (for the transcript), the next state.</summary>
internal sealed record FlowOutcome(XDocument TwiML, string Spoken, VoiceFlowState Next);

/// <summary>One guided step as it arrives: the call, its step number, what was said or keyed, the state it applies to.</summary>
internal sealed record FlowStep(VoiceRequest Call, int Step, int Misses, string Input, ToolContext Context, VoiceCall Row, VoiceFlowState State);

/// <summary>A call's stored flow state, and the step its last guided answer was for (a repeat of it gets that answer).</summary>
internal sealed record VoiceCallRecord(VoiceFlowState State, int AnsweredStep, XDocument? Answer)
{
    public static readonly VoiceCallRecord None = new(VoiceFlowState.Idle, -1, null);

    public XDocument? Replay(int step) => step == AnsweredStep ? Answer : null;
}

/// <summary>The guided step a call takes, as the core's turn step carries it.</summary>
internal enum VoiceFlowKind { StartIntake, Continue, StartApprovals, StartRisky }

/// <summary>
/// Runs a guided step as a turn of the core's one entry (one transaction, de-duplicated by CallSid + step, in the
/// transcript): the step itself is <see cref="VoiceFlowStep"/>, which keeps the call's state and last TwiML in
/// voice_calls, so a repeated callback gets that TwiML back and the flow does not move twice.
/// </summary>
internal sealed class VoiceFlowTurns(TurnLoop turns, OperatorOneDb db, TimeProvider clock)
{
    /// <summary>What a PIN step leaves in the transcript instead of the digits.</summary>
    public const string PinPlaceholder = "[voice PIN]";

    public async Task<VoiceCallRecord> StateAsync(string callSid, Guid organizationId, CancellationToken cancellationToken)
    {
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var row = await db.VoiceCalls.AsNoTracking().Where(c => c.CallSid == callSid)
            .Select(c => new { c.State, c.Step, c.Answer }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? VoiceCallRecord.None
            : new VoiceCallRecord(VoiceFlowState.FromJson(row.State), row.Step, string.IsNullOrEmpty(row.Answer) ? null : XDocument.Parse(row.Answer));
    }

    /// <summary>
    /// Null when the called number is not installed; the rate-limit notice when the caller is over the limit. The
    /// activity is what the transcript keeps (a PIN step keeps a placeholder); <paramref name="input"/> what was said.
    /// </summary>
    public async Task<XDocument?> RunAsync(VoiceRequest call, int step, int misses, string input, Activity activity, VoiceFlowKind kind,
        Func<string, XDocument> limited, CancellationToken cancellationToken)
    {
        var turn = VoiceTurns.Turn(call, step, activity, clock.GetUtcNow()) with
        {
            Step = VoiceFlowStep.For(kind, input, step, misses),
        };
        // A guided step asks no model: it runs to its end within the webhook.
        var outcome = await turns.ProcessAsync(turn, budget: null, cancellationToken);
        return outcome switch
        {
            TurnOutcome.Completed { Result.Status: TurnStatus.UnknownInstallation } => null,
            TurnOutcome.Completed { Result: { Status: TurnStatus.RateLimited } result } => limited(string.Join(" ", result.Replies.Select(r => r.Text))),
            TurnOutcome.Completed { Result.OrganizationId: { } organizationId } => (await StateAsync(call.CallSid, organizationId, cancellationToken)).Answer,
            _ => null,
        };
    }
}
