using System.Text;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Lists of people where a tool takes several ("comma or 'and' separated"): names said one after another get the commas
/// speech never types ("invite ada max and mia" → "ada, max and mia"), words after the list that begin something else
/// are left out ("ada and max to the budget review"), and a list no pattern placed is read from the known names said
/// together ("invite ada max and mia to the budget review"). Names nobody here has are kept where they stand.
/// </summary>
internal static class KnownNameLists
{
    private static readonly HashSet<string> Separators = new(StringComparer.OrdinalIgnoreCase) { ",", "and", "&", "+", "or" };

    /// <summary>Words that end a list: what follows is the event, the day or the team.</summary>
    private static readonly HashSet<string> Enders = new(StringComparer.OrdinalIgnoreCase) { "to", "for", "about", "on", "in", "at", "into", "from", "regarding", "re" };

    public static void Ground(RegisteredTool tool, Dictionary<string, string> slots, string text, Gazetteer names)
    {
        foreach (var parameter in tool.ParameterNames.Where(p => KnownNames.IsList(tool, p)))
        {
            if (KnownNames.KindOf(tool, parameter) is not { } kinds)
            {
                continue;
            }
            if (slots.TryGetValue(parameter, out var value))
            {
                slots[parameter] = Separated(value, names.Find(value, kinds));
            }
            // A list the tool cannot do without takes one name too ("add max to support"); an optional one only a list said together.
            else if (Run(Masked(text, slots), names, kinds, tool.RequiredParameters.Contains(parameter) ? 1 : 2) is { } listed)
            {
                slots[parameter] = listed;
            }
        }
    }

    /// <summary>Commas between names said with nothing between them, and the list ended where a preposition begins something else.</summary>
    private static string Separated(string value, IReadOnlyList<NameMatch> found)
    {
        if (found.Count == 0)
        {
            return value;
        }
        // Words before the first name stay only as a name of their own ("joanna and ada"), not as the verb ("invite ada").
        var head = value[..found[0].Start];
        var listed = new StringBuilder(Separators.Contains(head.Replace(",", " , ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "") ? head : "");
        for (var i = 0; i < found.Count; i++)
        {
            var name = found[i];
            listed.Append(value, name.Start, name.Length);
            var end = name.Start + name.Length;
            var gap = value[end..(i + 1 < found.Count ? found[i + 1].Start : value.Length)];
            var first = gap.Replace(",", " , ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (i + 1 < found.Count && gap.Trim().Length == 0)
            {
                listed.Append(", ");
            }
            else if (first is not null && Enders.Contains(first))
            {
                break;
            }
            else
            {
                listed.Append(gap);
            }
        }
        return listed.ToString().Trim();
    }

    /// <summary>At least <paramref name="least"/> known names said together ("ada max and mia", "olivia, ada and max"), written as a list.</summary>
    private static string? Run(string text, Gazetteer names, NameKind[] kinds, int least)
    {
        var found = names.Find(text, kinds);
        var run = new List<string>();
        for (var i = 0; i < found.Count; i++)
        {
            var between = i == 0 ? "" : text[(found[i - 1].Start + found[i - 1].Length)..found[i].Start];
            if (between.Replace(",", " , ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => !Separators.Contains(w)))
            {
                if (run.Count >= least)
                {
                    break;
                }
                run.Clear();
            }
            run.Add(text.Substring(found[i].Start, found[i].Length));
        }
        return run.Count switch
        {
            _ when run.Count < least || run.Count == 0 => null,
            1 => run[0],
            2 => $"{run[0]} and {run[1]}",
            _ => $"{string.Join(", ", run.Take(run.Count - 1))} and {run[^1]}",
        };
    }

    /// <summary>The sentence with the other slots' values blanked out, so a name already placed is not listed again.</summary>
    private static string Masked(string text, Dictionary<string, string> slots)
    {
        var masked = text;
        foreach (var value in slots.Values.Where(v => v.Length > 0))
        {
            var at = masked.IndexOf(value, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                masked = masked.Remove(at, value.Length).Insert(at, new string(' ', value.Length));
            }
        }
        return masked;
    }
}
