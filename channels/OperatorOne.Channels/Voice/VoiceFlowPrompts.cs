using System.Xml.Linq;

namespace OperatorOne.Channels.Voice;

internal enum ListenFor { Speech, Choice, Digits }

/// <summary>The question for a stage, how to listen for its answer and which words to expect.</summary>
internal sealed record FlowPrompt(string Text, ListenFor Listen, IReadOnlyList<string> Hints);

/// <summary>
/// The guided flows' questions and re-prompts, pure: from the stored state to words and TwiML, so a silence can be
/// answered without touching the database and the same state always asks the same question.
/// </summary>
internal static class VoiceFlowPrompts
{
    public const int MaxMisses = 2;

    private static readonly IReadOnlyList<string> YesNoHints = ["yes", "no"];
    private static readonly IReadOnlyList<string> DigitHints = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    private const string YesNoKeys = "Say yes or press 1, or say no or press 2.";

    public static FlowPrompt For(VoiceFlowState state) => state.Stage switch
    {
        VoiceStage.Name => new("What's your name?", ListenFor.Speech, []),
        VoiceStage.Problem => new($"Thanks, {state.Name}. What's the problem? Tell me in a sentence or two.", ListenFor.Speech, []),
        VoiceStage.ConfirmOwnNumber => new($"Is {SpokenInput.Number(state.Callback ?? "")} a good number to call you back? {YesNoKeys}", ListenFor.Choice, YesNoHints),
        VoiceStage.Number => new("What number should we call you back on? Key it in and press pound, or say the digits.", ListenFor.Digits, DigitHints),
        VoiceStage.ConfirmNumber => new($"I heard {SpokenInput.Number(state.Callback ?? "")}. Is that right? {YesNoKeys}", ListenFor.Choice, YesNoHints),
        VoiceStage.Choose when state.Current is { } approval => new(
            $"Approval {approval.Number}: {approval.Spoken}. Say approve or press 1, reject or press 2, or skip or press 3.",
            ListenFor.Choice, ["approve", "reject", "skip"]),
        VoiceStage.Pin => new("Please say or key your voice PIN, then press pound.", ListenFor.Digits, DigitHints),
        VoiceStage.Confirm when state.Flow == VoiceFlow.Approvals && state.Current is { } approval => new(
            $"You chose to {(state.Approve == true ? "approve" : "reject")} approval {approval.Number}: {approval.Spoken}. Say yes or press 1 to confirm, or no or press 2 to cancel.",
            ListenFor.Choice, YesNoHints),
        VoiceStage.Confirm => new($"You asked to {state.Summary}. Say yes or press 1 to confirm, or no or press 2 to cancel.", ListenFor.Choice, YesNoHints),
        _ => new("Anything else?", ListenFor.Speech, VoiceDialog.BaseHints),
    };

    /// <summary>Says <paramref name="lead"/> (if any), then asks the stage's question and listens.</summary>
    public static XDocument Ask(VoiceFlowState state, string? lead, int step, int misses, TwilioOptions options)
    {
        var prompt = For(state);
        var text = string.IsNullOrEmpty(lead) ? prompt.Text : $"{lead} {prompt.Text}";
        var action = VoiceEndpoints.GatherUrl(options, step, misses);
        return TwiML.Response(prompt.Listen == ListenFor.Digits
            ? TwiML.GatherDigits(action, prompt.Hints, text, options)
            : TwiML.Gather(action, prompt.Hints, text, options));
    }

    /// <summary>Silence or an answer that does not fit: the same question again twice, then a person.</summary>
    public static XDocument Missed(VoiceFlowState state, string reason, int step, int misses, TwilioOptions options) =>
        misses > MaxMisses ? VoiceDialog.Handover(options) : Ask(state, reason, step, misses, options);
}
