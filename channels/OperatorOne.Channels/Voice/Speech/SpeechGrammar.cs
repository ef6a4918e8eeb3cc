using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Channels.Voice.Speech;

/// <summary>
/// What a caller can usefully say at this point of a call: the phrases of the tools they may use by phone, the
/// choices just read out, yes/no, approve/reject, help, a person, goodbye, and numbers. A recognizer constrained to
/// these phrases is far more accurate than open dictation; anything else is not understood ("didn't catch that").
/// </summary>
internal sealed partial class SpeechGrammar
{
    /// <summary>Stands for a spoken number ("twelve", "one two") inside a phrase: "close ticket &lt;number&gt;".</summary>
    public const string Number = "<number>";

    public static readonly IReadOnlyList<string> Always =
        ["help", "talk to a person", "goodbye", "yes", "no", "approve", "reject", "cancel", Number];

    /// <summary>Spoken forms beyond the help examples; each is kept only if the bot's recognizer understands it.</summary>
    public static readonly IReadOnlyList<string> SpokenForms = ["my open tickets", "list open tickets", "open tickets", "show my tickets"];

    private static readonly string[] Units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    private static readonly string[] Teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static IEnumerable<string> NumberWords => Units.Concat(Teens).Concat(Tens.Where(t => t.Length > 0)).Append("oh");

    private readonly Regex _accept;

    public SpeechGrammar(IEnumerable<string> phrases)
    {
        Phrases = phrases.Select(Normalize).Where(p => p.Length > 0).Distinct().ToList();
        var alternatives = Phrases.Select(p => string.Join(" ", p.Split(' ').Select(w => w == Number ? NumberPattern : Regex.Escape(w))));
        _accept = new Regex($"^(?:{string.Join("|", alternatives)})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    public IReadOnlyList<string> Phrases { get; }

    private static string NumberPattern => $"(?:{string.Join("|", NumberWords)})(?: (?:{string.Join("|", NumberWords)}))*";

    /// <summary>The phone phrases of the tools (help examples and spoken forms the recognizer maps to a tool), plus the choices on offer.</summary>
    public static SpeechGrammar For(ToolRegistry tools, IEnumerable<string> choices)
    {
        var phoneTools = tools.All.Where(t => t.Definition.Tier is ToolTier.ReadOnly or ToolTier.SafeWrite).ToList();
        var examples = phoneTools.Where(t => t.Definition.HelpExample is not null).Select(t => t.Definition.HelpExample!.Split(':')[0]);
        var spoken = SpokenForms.Where(f => UtteranceMatcher.Match(UtteranceMatcher.Normalize(f), phoneTools) is not null);
        return new SpeechGrammar(choices.Concat(examples).Concat(spoken).Concat(Always));
    }

    /// <summary>Lower case words; "#12" and "12" become a number slot; a phrase with other symbols (dates, times) is dropped.</summary>
    public static string Normalize(string phrase)
    {
        var words = new List<string>();
        foreach (var raw in phrase.ToLowerInvariant().Replace('’', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('?', '!', '.', ',');
            if (Digits().IsMatch(word))
            {
                word = Number;
            }
            else if (!Word().IsMatch(word))
            {
                return "";
            }
            words.Add(word);
        }
        return string.Join(" ", words);
    }

    /// <summary>The recognized words as the bot's text ("close ticket twelve" → "close ticket 12"), or null when they are not one of the phrases.</summary>
    public string? Accept(string? hypothesis)
    {
        var text = string.Join(" ", (hypothesis ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 0 && _accept.IsMatch(text) ? Numerals(text) : null;
    }

    /// <summary>A JSGF grammar: the phrases, or a loop of filler words that catches (and so rejects) everything else.</summary>
    public string ToJsgf(IEnumerable<string> fillerWords, Func<string, bool> known)
    {
        var phrases = Phrases.Where(p => p.Split(' ').All(w => w == Number || known(w))).Select(p => p.Replace(Number, "<number>+", StringComparison.Ordinal));
        var fillers = fillerWords.Where(known).Distinct().ToList();
        var jsgf = new StringBuilder("#JSGF V1.0;\ngrammar operatorone;\n");
        jsgf.Append("public <utterance> = <phrase>").Append(fillers.Count > 0 ? " | <filler>+" : "").Append(";\n");
        jsgf.Append("<phrase> = ").AppendJoin(" | ", phrases.Select(p => $"( {p} )")).Append(";\n");
        jsgf.Append("<number> = ").AppendJoin(" | ", NumberWords).Append(";\n");
        if (fillers.Count > 0)
        {
            jsgf.Append("<filler> = ").AppendJoin(" | ", fillers).Append(";\n");
        }
        return jsgf.ToString();
    }

    /// <summary>Runs of number words as digits: "twenty one" → 21, "one two" → 12, "twelve" → 12.</summary>
    public static string Numerals(string text)
    {
        var output = new List<string>();
        var digits = new StringBuilder();
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var unit = word == "oh" ? 0 : Array.IndexOf(Units, word);
            var teen = Array.IndexOf(Teens, word);
            var ten = word.Length > 0 ? Array.IndexOf(Tens, word) : -1;
            if (unit >= 0)
            {
                digits.Append(unit.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            if (teen >= 0)
            {
                digits.Append((10 + teen).ToString(CultureInfo.InvariantCulture));
                continue;
            }
            if (ten >= 2)
            {
                var next = i + 1 < words.Length ? Array.IndexOf(Units, words[i + 1]) : -1;
                digits.Append((ten * 10 + Math.Max(next, 0)).ToString(CultureInfo.InvariantCulture));
                i += next > 0 ? 1 : 0;
                continue;
            }
            Flush();
            output.Add(word);
        }
        Flush();
        return string.Join(" ", output);

        void Flush()
        {
            if (digits.Length > 0)
            {
                output.Add(digits.ToString());
                digits.Clear();
            }
        }
    }

    [GeneratedRegex(@"^#?\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"^[a-z][a-z']*$", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
