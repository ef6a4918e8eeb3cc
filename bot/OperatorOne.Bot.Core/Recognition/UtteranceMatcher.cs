using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>A tool whose utterance matched, with the raw text of each captured slot.</summary>
public sealed record UtteranceMatch(RegisteredTool Tool, IReadOnlyDictionary<string, string> Slots, int Score);

/// <summary>
/// Picks the tool whose pattern explains the most of the sentence with literal words (least left to captures),
/// so "show my tickets" beats a pattern that would read "my tickets" as a ticket title.
/// </summary>
public static partial class UtteranceMatcher
{
    public static UtteranceMatch? Match(string text, IEnumerable<RegisteredTool> tools)
    {
        UtteranceMatch? best = null;
        foreach (var tool in tools)
        {
            foreach (var utterance in tool.Definition.Utterances)
            {
                Match match;
                try
                {
                    match = utterance.Pattern.Match(text);
                }
                catch (RegexMatchTimeoutException)
                {
                    continue;
                }
                if (!match.Success)
                {
                    continue;
                }
                var slots = new Dictionary<string, string>(utterance.Implies, StringComparer.Ordinal);
                var captured = 0;
                foreach (var group in match.Groups.Cast<Group>().Where(g => g.Success && !int.TryParse(g.Name, out _)))
                {
                    var value = group.Value.Trim();
                    if (value.Length > 0)
                    {
                        slots[group.Name] = value;
                        captured += group.Length;
                    }
                }
                var score = text.Length - captured;
                if (best is null || score > best.Score)
                {
                    best = new UtteranceMatch(tool, slots, score);
                }
            }
        }
        return best;
    }

    /// <summary>Lower-cased words, single spaces, no trailing punctuation: what the patterns are written against.</summary>
    public static string Normalize(string text)
    {
        // "log call w/ Ingrid": the shorthand is the word every pattern knows.
        var collapsed = WithShorthand().Replace(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), "with");
        return SpokenNumbers.Digits(collapsed.TrimEnd('?', '!', '.', ' '));
    }

    [GeneratedRegex(@"(?<![\w/])w/(?=\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithShorthand();
}
