using System.Text.RegularExpressions;
using System.Xml.Linq;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Channels.Voice;

internal enum CallerIntent { Other, Person, Goodbye, Risky, Approvals }

/// <summary>The call-level decisions, pure: what TwiML follows a reply, a silence, a no-match or a request for a person.</summary>
internal static partial class VoiceDialog
{
    /// <summary>What the call itself understands at any point; the tools' examples and an open card's choices are added.</summary>
    public static readonly IReadOnlyList<string> BaseHints = ["help", "my approvals", "talk to a person", "goodbye"];

    /// <summary>Speech hints: the choices of the card just read out, then the phrases of the tools a caller may use by phone.</summary>
    public static IReadOnlyList<string> Hints(ToolRegistry tools, IEnumerable<VoiceChoice> choices) =>
        choices.Select(c => c.Title.ToLowerInvariant())
            .Concat(tools.All.Where(t => t.Definition.Tier is ToolTier.ReadOnly or ToolTier.SafeWrite && t.Definition.HelpExample is not null)
                .Select(t => HintPhrase(t.Definition.HelpExample!)))
            .Concat(BaseHints)
            .Where(h => h.Length is > 0 and <= 100)
            .Distinct()
            .ToList();

    /// <summary>"open a ticket: printer jammed" → "open a ticket"; "what's the status of #12" → "what's the status of".</summary>
    private static string HintPhrase(string example) =>
        Spaces().Replace(Digits().Replace(example.Split(':')[0], " "), " ").Trim();

    public static CallerIntent Intent(string input, ToolRegistry tools) =>
        input.Trim() == "0" || Person().IsMatch(input) ? CallerIntent.Person
        : Goodbye().IsMatch(input) ? CallerIntent.Goodbye
        : Approvals().IsMatch(input) ? CallerIntent.Approvals
        // Risky requests go behind the voice PIN and a read-back (SecureFlow), never straight to the recognizer.
        : UtteranceMatcher.Match(UtteranceMatcher.Normalize(input), tools.All)?.Tool.Definition.Tier is ToolTier.RiskyWrite or ToolTier.Admin
            ? CallerIntent.Risky
        : CallerIntent.Other;

    /// <summary>The welcome that counts waiting approvals also says how to hear them.</summary>
    public static VoiceAnswer WithApprovalsHint(VoiceAnswer welcome) =>
        WaitingApprovals().IsMatch(welcome.Speech) ? welcome with { Speech = welcome.Speech + " Say my approvals to hear and decide them." } : welcome;

    /// <summary>The recognizer's "didn't understand" answer, which counts like a silence.</summary>
    public static bool IsNoMatch(VoiceAnswer answer) => answer.Speech.StartsWith("Sorry, I didn't understand", StringComparison.Ordinal);

    public static XDocument Listen(VoiceAnswer answer, IReadOnlyList<string> hints, int step, int misses, TwilioOptions options)
    {
        var speech = answer.Speech.Length > 0 ? answer.Speech : "Anything else?";
        return TwiML.Response(TwiML.Gather(VoiceEndpoints.GatherUrl(options, step, misses, choices: answer.Choices.Count > 0), hints, speech, options));
    }

    /// <summary>Re-prompt twice; the third time offer a person; after that put them through (or say goodbye).</summary>
    public static XDocument Missed(IReadOnlyList<string> hints, int step, int misses, TwilioOptions options, string? heard = null)
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
        return TwiML.Response(TwiML.Gather(VoiceEndpoints.GatherUrl(options, step, misses), hints, prompt, options));
    }

    public const string HoldingPhrase = "One moment.";

    public const string Overdue = "Sorry, that is taking longer than it should. Please ask again in a moment, or say talk to a person.";

    /// <summary>A slow turn: the holding phrase the first time, a short pause after that, then a redirect that waits for the answer.</summary>
    public static XDocument Hold(int step, int misses, int hold, TwilioOptions options) =>
        TwiML.Response(hold == 1 ? TwiML.Say(HoldingPhrase, options) : TwiML.Pause(1), TwiML.Redirect(VoiceEndpoints.WaitUrl(options, step, misses, hold)));

    /// <summary>The holds ran out: an apology that counts as a miss, so a caller it keeps happening to is put through to a person.</summary>
    public static XDocument TookTooLong(IReadOnlyList<string> hints, int step, int misses, TwilioOptions options) =>
        misses > VoiceEndpoints.MaxMisses + 1
            ? Handover(options)
            : TwiML.Response(TwiML.Gather(VoiceEndpoints.GatherUrl(options, step, misses), hints, Overdue, options));

    public static XDocument Handover(TwilioOptions options) =>
        string.IsNullOrWhiteSpace(options.HandoverNumber)
            ? TwiML.Response(TwiML.Say("Sorry, nobody is available to take your call right now. Please call again later. Goodbye.", options), TwiML.Hangup())
            : TwiML.Response(TwiML.Say("Putting you through to a person. Please hold.", options), TwiML.Dial(options.HandoverNumber));

    [GeneratedRegex(@"\b(talk|speak) to (a |an )?(person|human|agent|someone|operator|representative)\b|^(agent|operator|representative|human)\.?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Person();

    [GeneratedRegex(@"#?\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^((can you |please )?(read|tell me|give me|list|show|hear|check|what are)( me)? )?(my |the )?(pending |waiting |open )?approvals?( requests?)?( waiting| pending| for me)?\.?$|^(my|pending) approvals?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Approvals();

    [GeneratedRegex(@"approval requests? waiting", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WaitingApprovals();

    [GeneratedRegex(@"^(good ?bye|bye|that'?s all|hang up|no thanks?( you)?)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Goodbye();
}
