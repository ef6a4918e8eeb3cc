using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Slots that name an existing member or CRM record, checked against the organization's names: a value holding one known
/// name is cut down to it ("mia is leaving, remove her" → mia), a value naming nobody known gives way to the one known
/// name the sentence holds ("give mia admin rights" → mia, not "rights"), and a missing one is filled the same way
/// ("what has mia been doing"). What a cut leaves over goes to the tool's free-text slot still empty ("had a meeting with
/// Acme, demo went well" → with Acme, summary "demo went well").
/// </summary>
internal static class KnownNames
{
    /// <summary>Whether any of the tool's parameters names a member, company, person or deal.</summary>
    public static bool TakesNames(RegisteredTool tool) => tool.ParameterNames.Any(p => KindOf(tool, p) is not null);

    /// <summary>Parameters naming someone or something that already exists; lists ("ada and max") are left as said.</summary>
    public static NameKind[]? KindOf(RegisteredTool tool, string parameter)
    {
        var description = tool.ParameterSchema(parameter) is { } schema && schema.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        if (description.Contains("separated", StringComparison.Ordinal))
        {
            return null;
        }
        return parameter switch
        {
            "member" or "assignee" or "owner" => [NameKind.Member],
            "company" => [NameKind.Company],
            "contact" => [NameKind.Person],
            "deal" => [NameKind.Deal],
            "lead" or "name" when tool.Name is "move_lead" or "convert_lead" or "find_contact" => [NameKind.Person, NameKind.Company],
            "with" or "name" when tool.Name is "log_activity" or "delete_crm_record" => [NameKind.Person, NameKind.Company, NameKind.Deal],
            _ => null,
        };
    }

    /// <summary>Parameters that hold a person's own words, where what a name leaves over belongs.</summary>
    private static readonly HashSet<string> Prose = new(StringComparer.Ordinal) { "summary", "description", "text", "title", "note", "notes", "comment" };

    /// <summary>Words that name someone without a name: kept as said.</summary>
    private static readonly HashSet<string> Deictic = new(StringComparer.OrdinalIgnoreCase) { "me", "myself", "mine", "nobody", "no one", "noone", "unassigned" };

    /// <summary>The slots with their names grounded; <c>typed</c> reads a typed slot (enum, number, date) from the words a cut name leaves over.</summary>
    public static Dictionary<string, string> Ground(RegisteredTool tool, IReadOnlyDictionary<string, string> found, string text, Gazetteer? names,
        Func<string, bool> isFreeText, Func<string, string, string?> typed)
    {
        var slots = new Dictionary<string, string>(found, StringComparer.Ordinal);
        if (names is null || names.IsEmpty)
        {
            return slots;
        }
        var grounded = tool.ParameterNames.Select(p => (Parameter: p, Kind: KindOf(tool, p))).Where(x => x.Kind is not null).ToList();
        string? leftover = null;
        foreach (var (parameter, kind) in grounded.Where(g => slots.ContainsKey(g.Parameter)))
        {
            var value = slots[parameter];
            if (Deictic.Contains(value.Trim()) || names.Find(value, kind!) is not [var only])
            {
                continue;
            }
            // "Umbrella, like Acme": another capitalized name beside the known one may be the one meant.
            var around = value.Remove(only.Start, only.Length);
            if (around.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => char.IsUpper(w[0]) && w.Trim(',', '.', ':') is not ("I" or "I'm" or "I'd")))
            {
                continue;
            }
            var name = value.Substring(only.Start, only.Length);
            // "Acme Corp" and "Mia Wong" are other names than Acme and Mia: a capitalized word next to it belongs to it.
            if (name.Length < value.Length && !Continues(value, only))
            {
                slots[parameter] = name;
                var (before, after) = (value[..only.Start], value[(only.Start + only.Length)..]);
                leftover = Longest(before, after);
                // "staples should be marked as a partner": the words the name had taken may hold another slot.
                foreach (var missing in tool.ParameterNames.Where(p => !slots.ContainsKey(p) && KindOf(tool, p) is null))
                {
                    if ((typed(missing, after) ?? typed(missing, before)) is { } read)
                    {
                        slots[missing] = read;
                    }
                }
            }
        }
        foreach (var (parameter, kind) in grounded)
        {
            // A capitalized value naming nobody known is a name we don't know yet ("Umbrella"): kept as said.
            if (slots.TryGetValue(parameter, out var value)
                && (Deictic.Contains(value.Trim()) || names.Find(value, kind!).Count > 0 || value.Split(' ').Any(w => w.Length > 0 && char.IsUpper(w[0]))))
            {
                continue;
            }
            if (Unclaimed(text, slots, parameter, kind!, names, isFreeText) is { } named)
            {
                slots[parameter] = named.Name;
                if (named.FromSlot is { } from)
                {
                    slots[from] = named.Remainder;
                }
            }
        }
        if (leftover is { } rest && tool.ParameterNames.FirstOrDefault(p => !slots.ContainsKey(p) && Prose.Contains(p) && isFreeText(p)) is { } free)
        {
            slots[free] = rest;
        }
        return slots;
    }

    /// <summary>The one known name of <paramref name="kind"/> the sentence holds outside the other slots' values, or at the start of a free-text one.</summary>
    private static (string Name, string? FromSlot, string Remainder)? Unclaimed(string text, Dictionary<string, string> slots, string parameter, NameKind[] kind,
        Gazetteer names, Func<string, bool> isFreeText)
    {
        var masked = text;
        foreach (var (other, value) in slots.Where(s => s.Key != parameter && s.Value.Length > 0))
        {
            var at = masked.IndexOf(value, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }
            // "emailed Acme the price list": a name opening the free text is who it was with.
            if (Prose.Contains(other) && isFreeText(other) && names.Find(value, kind) is [{ Start: 0 } first, ..] && first.Length < value.Length)
            {
                return (value[..first.Length], other, value[first.Length..].Trim(' ', ',', ':', '-'));
            }
            masked = masked.Remove(at, value.Length).Insert(at, new string(' ', value.Length));
        }
        return names.Find(masked, kind) is [var only] ? (masked.Substring(only.Start, only.Length), null, "") : null;
    }

    private static bool Continues(string value, NameMatch name)
    {
        var before = value[..name.Start].TrimEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        var after = value[(name.Start + name.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return (before is { Length: > 0 } b && char.IsUpper(b[0]) && !b.EndsWith(',') && b is not ("I" or "The" or "A" or "An" or "My" or "Our"))
            || (after is { Length: > 0 } a && char.IsUpper(a[0]) && !value[(name.Start + name.Length)..].TrimStart().StartsWith(',') && a != "I");
    }

    private static string? Longest(string before, string after)
    {
        var piece = new[] { before, after }.Select(p => p.Trim(' ', ',', ':', '-', '.')).OrderByDescending(p => p.Length).First();
        return piece.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2 ? piece : null;
    }
}
