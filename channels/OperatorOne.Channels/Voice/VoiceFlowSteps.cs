using System.Xml.Linq;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Channels.Voice;

/// <summary>The ways a guided step ends: ask the next question, ask again, leave the flow, hang up, hand over.</summary>
internal sealed class VoiceFlowSteps(IOptions<TwilioOptions> options, ToolRegistry tools)
{
    private TwilioOptions Settings => options.Value;

    public FlowOutcome Ask(FlowStep step, VoiceFlowState next, string? lead = null) =>
        new(VoiceFlowPrompts.Ask(next, lead, step.Step + 1, misses: 0, Settings), Join(lead, VoiceFlowPrompts.For(next).Text), next);

    /// <summary>An answer that does not fit counts as a miss; past the limit the caller is put through to a person.</summary>
    public FlowOutcome NotUnderstood(FlowStep step, string reason) =>
        new(VoiceFlowPrompts.Missed(step.State, reason, step.Step + 1, step.Misses + 1, Settings), reason, step.State);

    /// <summary>Back to free conversation: the words, then "Anything else?" and the usual listening.</summary>
    public FlowOutcome End(FlowStep step, string lead)
    {
        var words = Join(lead, "Anything else?");
        return new(VoiceDialog.Listen(new VoiceAnswer(words, []), VoiceDialog.Hints(tools, []), step.Step + 1, misses: 0, Settings), words, VoiceFlowState.Idle);
    }

    public FlowOutcome Hangup(FlowStep step, string words) =>
        new(TwiML.Response(TwiML.Say(words, Settings), TwiML.Hangup()), words, VoiceFlowState.Idle);

    public FlowOutcome Handover(FlowStep step, string lead)
    {
        var handover = VoiceDialog.Handover(Settings);
        var verbs = new List<XElement> { TwiML.Say(lead, Settings) };
        verbs.AddRange(handover.Root!.Elements());
        return new(TwiML.Response(verbs), Join(lead, string.Join(" ", handover.Descendants("Say").Select(s => s.Value))), VoiceFlowState.Idle);
    }

    private static string Join(string? lead, string text) => string.IsNullOrWhiteSpace(lead) ? text : $"{lead.Trim()} {text}";
}
