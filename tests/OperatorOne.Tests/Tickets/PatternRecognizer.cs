using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Tests.Tickets;

/// <summary>
/// A hand-written stand-in for the built-in recognizer's matching rules: normalised text, anchored patterns,
/// named groups as arguments plus implied slots, and the match with the most literal characters wins.
/// </summary>
internal sealed partial class PatternRecognizer(IEnumerable<ToolDefinition> tools)
{
    public Recognized? Recognize(string text)
    {
        var input = Normalize(text);
        Recognized? best = null;
        foreach (var tool in tools)
        {
            foreach (var utterance in tool.Utterances)
            {
                var match = utterance.Pattern.Match(input);
                if (!match.Success)
                {
                    continue;
                }
                var captured = match.Groups.Values.Skip(1).Where(g => g.Success).ToList();
                var literal = match.Length - captured.Sum(g => g.Length);
                if (best is null || literal > best.Literal)
                {
                    var arguments = new Dictionary<string, string>(utterance.Implies);
                    foreach (var group in captured)
                    {
                        arguments[group.Name] = group.Value.Trim();
                    }
                    best = new Recognized(tool.Name, arguments, literal);
                }
            }
        }
        return best;
    }

    private static string Normalize(string text) =>
        Whitespace().Replace(text.Trim(), " ").TrimEnd('?', '!', '.').TrimEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

internal sealed record Recognized(string Tool, IReadOnlyDictionary<string, string> Arguments, int Literal)
{
    public string? this[string name] => Arguments.GetValueOrDefault(name);

    /// <summary>The recognizer reads "#12" and "12" alike.</summary>
    public int? Number => Arguments.TryGetValue("number", out var n) ? int.Parse(n.TrimStart('#'), System.Globalization.CultureInfo.InvariantCulture) : null;
}
