using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// A name or title a pattern captured with the deal's amount, the event's date or duration said after it ("new deal
/// Brightwave redesign worth 18,000 EUR closing end of march", "a deadline for the VAT return on january 31"): the name
/// ends where the first value with a shape of its own begins, and those values, with any choice said after them
/// ("…, stage proposal"), fill their own slots.
/// </summary>
internal static partial class InlineValues
{
    /// <summary>Slots that name a thing; a person's prose (a ticket's title, a comment) keeps its words as said.</summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "name", "title", "event", "document", "deal", "lead", "company", "contact", "members", "attendees",
    };

    public static Dictionary<string, string> Separate(RegisteredTool tool, Dictionary<string, string> slots, DateTimeOffset now, TimeZoneInfo zone)
    {
        foreach (var holder in slots.Keys.Where(Names.Contains).ToList())
        {
            var value = slots[holder];
            var found = Shaped(tool).Where(p => p != holder && !slots.ContainsKey(p))
                .Select(p => (Parameter: p, Slot: TypedSlots.Find(tool, p, value, now, zone)))
                .Where(f => f.Slot is { Start: > 0 } && value[..f.Slot.Start].Trim(' ', ',').Length > 0)
                .ToList();
            if (found.Count == 0)
            {
                continue;
            }
            var cut = found.Min(f => f.Slot!.Start);
            var name = Tail().Replace(value[..cut], "").Trim();
            if (name.Length == 0)
            {
                continue;
            }
            foreach (var (parameter, slot) in found)
            {
                slots[parameter] = slot!.Value;
            }
            // "kente uniforms 4500 pounds by next friday, stage proposal": a choice said after the values is theirs too.
            var rest = value[cut..];
            foreach (var parameter in tool.ParameterNames.Where(p => !slots.ContainsKey(p) && IsChoice(tool, p)))
            {
                if (TypedSlots.Find(tool, parameter, rest, now, zone) is { } choice)
                {
                    slots[parameter] = choice.Value;
                }
            }
            slots[holder] = TypedSlots.Tidy(tool, holder, name);
        }
        return slots;
    }

    /// <summary>The tool's parameters with a shape of their own, worked out once per tool rather than per slot and message.</summary>
    private static IReadOnlyList<string> Shaped(RegisteredTool tool) =>
        ShapedByTool.GetValue(tool, t => [.. t.ParameterNames.Where(p => TypedSlots.HasShape(t, p))]);

    private static readonly ConditionalWeakTable<RegisteredTool, IReadOnlyList<string>> ShapedByTool = new();

    private static bool IsChoice(RegisteredTool tool, string parameter) =>
        tool.ParameterSchema(parameter) is { } schema && schema.TryGetProperty("enum", out _);

    /// <summary>The words that lead into the value just cut off: "worth", "closing on", "starting", ", for".</summary>
    /// <summary>"…, and her email is": the label of the value cut off, whoever it belongs to.</summary>
    [GeneratedRegex(@"([\s,;:\-]+|\b(worth|valued at|costing|for|on|at|by|from|in|of|to|starting|closing|closes|due|ending|lasting|and|the)\b|\b(his|her|their|its|my|our|the) (new )?(email|e-mail|phone|mobile|number|address|website|url|site)( address| number)?( is| was| to| now)*)+$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tail();
}
