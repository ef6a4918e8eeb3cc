using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OperatorOne.Channels.Voice;

internal enum CallerIntent { Other, Person, Goodbye }

/// <summary>The call-level decisions, pure: what TwiML follows a reply, a silence, a no-match or a request for a person.</summary>
internal static partial class VoiceDialog
{
    /// <summary>What the bot understands at any point on a call; card choices are added when a card is open.</summary>
    public static readonly IReadOnlyList<string> BaseHints =
        ["my open tickets", "open a ticket", "status of ticket", "help", "talk to a person", "goodbye"];

    public static CallerIntent Intent(string input) =>
        input.Trim() == "0" || Person().IsMatch(input) ? CallerIntent.Person
        : Goodbye().IsMatch(input) ? CallerIntent.Goodbye
        : CallerIntent.Other;

    /// <summary>The recognizer's "didn't understand" answer, which counts like a silence.</summary>
    public static bool IsNoMatch(VoiceAnswer answer) => answer.Speech.StartsWith("Sorry, I didn't understand", StringComparison.Ordinal);

    public static XDocument Listen(VoiceAnswer answer, int step, int misses, TwilioOptions options)
    {
        var speech = answer.Speech.Length > 0 ? answer.Speech : "Anything else?";
        var hints = answer.Choices.Select(c => c.Title.ToLowerInvariant()).Concat(BaseHints).Distinct();
        return TwiML.Response(TwiML.Gather(VoiceEndpoints.GatherUrl(options, step, misses), hints, speech, options));
    }

    /// <summary>Re-prompt twice; the third time offer a person; after that put them through (or say goodbye).</summary>
    public static XDocument Missed(int step, int misses, TwilioOptions options, string? heard = null)
    {
        var prompt = misses switch
        {
            1 => (heard is null ? "Sorry, I didn't hear anything." : "Sorry, I didn't understand that.") + " You can say my open tickets, or open a ticket.",
            2 => "Sorry, I still didn't get that. Say help to hear what I can do.",
            3 => "Would you like to talk to a person? Say talk to a person, or press 0.",
            _ => null,
        };
        if (prompt is null)
        {
            return Handover(options);
        }
        return TwiML.Response(TwiML.Gather(VoiceEndpoints.GatherUrl(options, step, misses), BaseHints, prompt, options));
    }

    public static XDocument Handover(TwilioOptions options) =>
        string.IsNullOrWhiteSpace(options.HandoverNumber)
            ? TwiML.Response(TwiML.Say("Sorry, nobody is available to take your call right now. Please call again later. Goodbye.", options), TwiML.Hangup())
            : TwiML.Response(TwiML.Say("Putting you through to a person. Please hold.", options), TwiML.Dial(options.HandoverNumber));

    [GeneratedRegex(@"\b(talk|speak) to (a |an )?(person|human|agent|someone|operator|representative)\b|^(agent|operator|representative|human)\.?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Person();

    [GeneratedRegex(@"^(good ?bye|bye|that'?s all|hang up|no thanks?( you)?)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Goodbye();
}
