using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data;
using OperatorOne.Data.Voice;
using OperatorOne.Data.Channels;

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

/// <summary>
/// Runs a guided step as a turn of the core pipeline (one transaction, de-duplicated by CallSid + step, in the
/// transcript) and keeps the call's state and last TwiML in voice_calls: a repeated callback gets that TwiML back and
/// the flow does not move twice.
/// </summary>
internal sealed class VoiceFlowTurns(TurnPipeline pipeline, OperatorOneDb db, TimeProvider clock)
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
    public async Task<XDocument?> RunAsync(VoiceRequest call, int step, int misses, string input, Activity activity,
        Func<FlowStep, CancellationToken, Task<FlowOutcome>> decide, Func<string, XDocument> limited, CancellationToken cancellationToken)
    {
        XDocument? answer = null;
        var turn = VoiceTurns.Turn(call, step, activity, clock.GetUtcNow()) with
        {
            Handler = async (context, token) =>
            {
                var row = await context.Db.VoiceCalls.SingleOrDefaultAsync(c => c.CallSid == call.CallSid, token);
                if (row is null)
                {
                    row = new VoiceCall { Id = Guid.NewGuid(), OrganizationId = context.OrganizationId, CallSid = call.CallSid, State = "{}", CreatedAt = context.Now };
                    context.Db.VoiceCalls.Add(row);
                }
                var outcome = await decide(new FlowStep(call, step, misses, input, context, row, VoiceFlowState.FromJson(row.State)), token);
                row.State = outcome.Next.ToJson();
                row.Step = step;
                row.Answer = VoiceEndpoints.Serialize(outcome.TwiML);
                row.UpdatedAt = context.Now;
                answer = outcome.TwiML;
                return [new Reply(outcome.Spoken)];
            },
        };
        var result = await pipeline.RunAsync(turn, cancellationToken);
        return result.Status switch
        {
            TurnStatus.UnknownInstallation => null,
            TurnStatus.Duplicate => await StoredAnswerAsync(call, cancellationToken),
            TurnStatus.RateLimited => limited(string.Join(" ", result.Replies.Select(r => r.Text))),
            _ => answer,
        };
    }

    /// <summary>The answer the first delivery of this step committed; the retry waited for it on the delivery row.</summary>
    private async Task<XDocument?> StoredAnswerAsync(VoiceRequest call, CancellationToken cancellationToken)
    {
        if (await Bot.Core.Tenancy.Installations.FindOrganizationAsync(db, ChannelNames.Voice, call.To, cancellationToken) is not { } organizationId)
        {
            return null;
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var stored = await db.VoiceCalls.AsNoTracking().Where(c => c.CallSid == call.CallSid).Select(c => c.Answer).SingleOrDefaultAsync(cancellationToken);
        return string.IsNullOrEmpty(stored) ? null : XDocument.Parse(stored);
    }
}
