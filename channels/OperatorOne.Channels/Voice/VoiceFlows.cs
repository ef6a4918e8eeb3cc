using System.Xml.Linq;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// The guided parts of a call: intake for unknown callers, approvals by phone, risky requests behind the voice PIN.
/// Picks the flow for a step and runs it through <see cref="VoiceFlowTurns"/>.
/// </summary>
internal sealed class VoiceFlows(VoiceFlowTurns turns, IOptions<TwilioOptions> options, OperatorOneDb db)
{
    public Task<VoiceCallRecord> StateAsync(VoiceRequest call, Guid organizationId, CancellationToken cancellationToken) =>
        turns.StateAsync(call.CallSid, organizationId, cancellationToken);

    public async Task<bool> IsGuestAsync(VoiceRequest call, Guid organizationId, CancellationToken cancellationToken)
    {
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        return (await Identities.ResolveAsync(db, ChannelNames.Voice, call.From, null, cancellationToken)).IsGuest;
    }

    /// <summary>An unknown caller is greeted and asked for their name.</summary>
    public Task<XDocument?> StartIntakeAsync(VoiceRequest call, CancellationToken cancellationToken) =>
        turns.RunAsync(call, 0, 0, "",
            new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount { Id = call.From }] },
            VoiceFlowKind.StartIntake,
            text => VoiceFlowPrompts.Ask(IntakeFlow.Start, text, 1, 0, options.Value), cancellationToken);

    public XDocument Silence(VoiceFlowState state, int step, int misses) =>
        VoiceFlowPrompts.Missed(state, "Sorry, I didn't hear anything.", step, misses + 1, options.Value);

    public Task<XDocument?> ContinueAsync(VoiceRequest call, VoiceFlowState state, int step, int misses, string input, CancellationToken cancellationToken) =>
        turns.RunAsync(call, step, misses, input,
            // The digits of a PIN never reach the transcript.
            Activity.Message(state.Stage == VoiceStage.Pin ? VoiceFlowTurns.PinPlaceholder : input),
            VoiceFlowKind.Continue,
            text => VoiceFlowPrompts.Ask(state, text, step + 1, misses, options.Value), cancellationToken);

    public Task<XDocument?> StartApprovalsAsync(VoiceRequest call, int step, string input, CancellationToken cancellationToken) =>
        turns.RunAsync(call, step, 0, input, Activity.Message(input), VoiceFlowKind.StartApprovals,
            text => VoiceFlowPrompts.Ask(VoiceFlowState.Idle, text, step + 1, 0, options.Value), cancellationToken);

    public Task<XDocument?> StartRiskyAsync(VoiceRequest call, int step, string input, CancellationToken cancellationToken) =>
        turns.RunAsync(call, step, 0, input, Activity.Message(input), VoiceFlowKind.StartRisky,
            text => VoiceFlowPrompts.Ask(VoiceFlowState.Idle, text, step + 1, 0, options.Value), cancellationToken);
}
