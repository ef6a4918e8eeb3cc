using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Lists of people said outside a pattern's place, whoever they are: three or more single names with commas and a last
/// "and" ("set up a Marketing team, members are nina, joe and becca"), a way no other slot is said.
/// </summary>
internal static partial class PeopleLists
{
    public static void Complete(RegisteredTool tool, Dictionary<string, string> slots, string text)
    {
        foreach (var parameter in tool.ParameterNames.Where(p => KnownNames.IsList(tool, p) && KnownNames.KindOf(tool, p) is { } kinds && kinds.Contains(NameKind.Member)))
        {
            if (!slots.ContainsKey(parameter) && Said().Match(text) is { Success: true } said
                && !slots.Values.Any(v => v.Contains(said.Groups["v"].Value, StringComparison.OrdinalIgnoreCase)))
            {
                slots[parameter] = said.Groups["v"].Value;
            }
        }
    }

    /// <summary>"nina, joe and becca", "femi, zara, and luke": a list of single names, ending the sentence or a clause.</summary>
    [GeneratedRegex(@"(?<![\w@.'-])(?<v>[A-Za-z][\w'-]*(, [A-Za-z][\w'-]*)+,? (and|&) [A-Za-z][\w'-]*)(?=$|[.,;!?]| (to|for|on|in|at|about|from|into|please|pls|thanks)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Said();
}
