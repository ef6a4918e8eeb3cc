using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Slots that name an existing member or CRM record, checked against the organization's names: a value holding one known
/// name is cut down to it ("mia is leaving, remove her" → mia), a value naming nobody known gives way to the one known
/// name the sentence holds ("give mia admin rights" → mia, not "rights"), and a missing one is filled the same way
/// ("what has mia been doing"), while a name said where a name goes and known to nobody here is kept ("assign 3 to
/// joanna"), so the tool can say whom it doesn't know. What a cut leaves over goes to the tool's free-text slot still empty ("had a meeting with
/// Acme, demo went well" → with Acme, summary "demo went well").
/// </summary>
internal static class KnownNames
{
    /// <summary>Whether any of the tool's parameters names a member, company, person, deal, queue or team.</summary>
    public static bool TakesNames(RegisteredTool tool) => tool.ParameterNames.Any(p => KindOf(tool, p) is not null);

    /// <summary>Parameters naming someone or something that already exists; a list of people ("ada, max and mia") names members.</summary>
    public static NameKind[]? KindOf(RegisteredTool tool, string parameter)
    {
        if (IsList(tool, parameter))
        {
            return parameter is "member" or "members" or "attendees" ? [NameKind.Member] : null;
        }
        return parameter switch
        {
            "member" or "owner" => [NameKind.Member],
            // "assign 4 to IT": a ticket goes to a member or to a support queue.
            "assignee" => [NameKind.Member, NameKind.Queue],
            "queue" => [NameKind.Queue],
            "team" => [NameKind.Team],
            "company" => [NameKind.Company],
            "contact" => [NameKind.Person],
            "deal" => [NameKind.Deal],
            "lead" or "name" when tool.Name is "move_lead" or "convert_lead" or "find_contact" => [NameKind.Person, NameKind.Company],
            "with" or "name" when tool.Name is "log_activity" or "delete_crm_record" => [NameKind.Person, NameKind.Company, NameKind.Deal],
            _ => null,
        };
    }

    /// <summary>
    /// Words a pattern captured where one name goes that cannot be anyone's name: lowercase, naming nobody known here, and
    /// more than a name's one or two plain words ("a time on thursday for mia and olivia", "stock_check tool").
    /// </summary>
    public static bool NamesNoOne(RegisteredTool tool, string parameter, string value, Gazetteer names) =>
        KindOf(tool, parameter) is { } kind && !IsList(tool, parameter) && !Deictic.Contains(value.Trim())
        && !value.Any(char.IsUpper) && !value.Contains('@', StringComparison.Ordinal) && !UnknownName.Is(value) && names.Find(value, kind).Count == 0;

    /// <summary>A parameter that takes several values, "comma or 'and' separated" as its description says.</summary>
    public static bool IsList(RegisteredTool tool, string parameter) =>
        tool.ParameterSchema(parameter) is { } schema && schema.TryGetProperty("description", out var d) && (d.GetString() ?? "").Contains("separated", StringComparison.Ordinal);

    /// <summary>
    /// Parameters that hold a person's own words: where what a name leaves over belongs, and where words run on with
    /// commas stay together (<see cref="SlotFinder"/>), where a name ends at its comma.
    /// </summary>
    internal static readonly HashSet<string> Prose = new(StringComparer.Ordinal) { "summary", "description", "text", "title", "note", "notes", "comment" };

    /// <summary>Words that name someone without a name: kept as said.</summary>
    private static readonly HashSet<string> Deictic = new(StringComparer.OrdinalIgnoreCase) { "me", "myself", "mine", "nobody", "no one", "noone", "unassigned" };

    /// <summary>
    /// The slots with their names grounded; <c>typed</c> reads a typed slot (enum, number, date) from the words a cut name
    /// leaves over; <c>guessed</c> are the slots filled from words left over rather than captured in a name's place.
    /// </summary>
    public static Dictionary<string, string> Ground(RegisteredTool tool, IReadOnlyDictionary<string, string> found, string text, Gazetteer? names,
        Func<string, bool> isFreeText, Func<string, string, string?> typed, IReadOnlySet<string>? guessed = null)
    {
        var slots = new Dictionary<string, string>(found, StringComparer.Ordinal);
        if (names is null || names.IsEmpty)
        {
            return slots;
        }
        var grounded = tool.ParameterNames.Select(p => (Parameter: p, Kind: KindOf(tool, p))).Where(x => x.Kind is not null && !IsList(tool, x.Parameter)).ToList();
        string? leftover = null;
        foreach (var (parameter, kind) in grounded.Where(g => slots.ContainsKey(g.Parameter)))
        {
            var value = slots[parameter];
            if (Deictic.Contains(value.Trim()))
            {
                continue;
            }
            var matches = names.Find(value, kind!);
            // "give ticket 11 to kofi he knows the vpn": a name nobody here has yet ends where the next clause begins.
            if (matches.Count == 0 && IsPerson(kind!) && UnknownName.Before(value, names.Find(text, kind!).Count == 0) is { } unknown)
            {
                slots[parameter] = unknown;
                continue;
            }
            // "reassign 12 from mia to victor": of two names, the one it goes to.
            if (matches is [_, var to] && IsPerson(kind!) && Regex.IsMatch(value[(matches[0].Start + matches[0].Length)..to.Start], @"^\s*(over )?(to|->)\s*$", RegexOptions.CultureInvariant))
            {
                slots[parameter] = value.Substring(to.Start, to.Length);
                continue;
            }
            if (matches is not [var only])
            {
                continue;
            }
            // "hand 14 to pete mia is off today": the name said first is the one meant, even when nobody here has it yet.
            if (IsPerson(kind!) && UnknownName.Ahead(value[..only.Start]) is { } first)
            {
                slots[parameter] = first;
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
            // A capitalized value naming nobody known is a name we don't know yet ("Umbrella"): kept as said; so is a
            // lowercase one said where a name goes ("assign 3 to joanna"), so the tool can say whom it doesn't know.
            if (slots.TryGetValue(parameter, out var value)
                && (Deictic.Contains(value.Trim()) || names.Find(value, kind!).Count > 0 || value.Split(' ').Any(w => w.Length > 0 && char.IsUpper(w[0]))
                    || (guessed?.Contains(parameter) != true && IsPerson(kind!) && UnknownName.Is(value))))
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
        KnownNameLists.Ground(tool, slots, text, names);
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
        // "max should work IT tickets too, add him to the IT queue": one name said twice is still one name.
        var said = names.Find(masked, kind).Select(f => masked.Substring(f.Start, f.Length)).ToList();
        return said.Count > 0 && said.All(n => string.Equals(n, said[0], StringComparison.OrdinalIgnoreCase)) ? (said[0], null, "") : null;
    }

    private static bool IsPerson(NameKind[] kinds) => kinds.Contains(NameKind.Member) || kinds.Contains(NameKind.Person);

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
