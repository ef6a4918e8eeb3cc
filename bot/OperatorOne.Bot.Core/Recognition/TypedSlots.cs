using System.Text.Json;
using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>A slot found by what its value looks like, and the words it took (so they are not read twice).</summary>
internal sealed record FoundSlot(string Value, int Start, int Length);

/// <summary>
/// Slots read by their type wherever they stand: a ticket number ("#12", "ticket 12", "12"), an enum value or its
/// everyday word ("on hold" → pending), a date or time ("tomorrow at 3pm"), a duration ("30 minutes").
/// </summary>
internal static partial class TypedSlots
{
    public static FoundSlot? Find(RegisteredTool tool, string parameter, string text, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (tool.ParameterSchema(parameter) is not { } schema)
        {
            return null;
        }
        if (schema.TryGetProperty("enum", out var values))
        {
            return Enum(values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!), text);
        }
        var description = schema.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        if (TypeOf(schema) == "integer")
        {
            return Number(text);
        }
        if (schema.TryGetProperty("format", out var format) && format.GetString() is "date-time" or "date")
        {
            return Date(text, now, zone);
        }
        if (TypeOf(schema) == "boolean")
        {
            return SlotSynonyms.SwitchedOnBy.TryGetValue(parameter, out var words) && Phrase(words, text) is { } on ? on with { Value = "true" } : null;
        }
        if (TypeOf(schema) != "string")
        {
            return null;
        }
        // What a free-text parameter's description says its values look like.
        return description switch
        {
            _ when ListedValues(description) is { Count: > 0 } listed => Enum(listed, text) is { } chosen ? chosen with { Value = Aliased(description, chosen.Value) } : null,
            _ when description.Contains("{parameter}", StringComparison.Ordinal) => Match(QuotedText(), text) ?? Match(PlaceholderSentence(), text),
            _ when description.Contains("object id", StringComparison.OrdinalIgnoreCase) => Match(ChannelId(), text),
            _ when description.Contains("digits", StringComparison.Ordinal) => Match(Digits(), text),
            _ when description.Contains("YYYY-MM-DD", StringComparison.Ordinal) && Date(text, now, zone) is { } day
                => day with { Value = NaturalDates.Parse(day.Value, now, zone)!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            _ when description.Contains("'event 5'", StringComparison.Ordinal) => Match(EventNumber(), text),
            _ when ClockExample().IsMatch(description) => Match(Clock(), text),
            _ when DurationExample().IsMatch(description) => Duration(text),
            // Values with a shape of their own are found wherever they stand, so they never end up inside a name or title.
            _ when description.Contains("email address", StringComparison.OrdinalIgnoreCase) => Match(Email(), text),
            _ when description.Contains("URL", StringComparison.Ordinal) => Match(Url(), text),
            _ when description.Contains("phone number", StringComparison.OrdinalIgnoreCase) => Match(Phone(), text),
            _ when IdentifierExample().IsMatch(description) => Match(Identifier(), text),
            _ when AmountExample().IsMatch(description) => Match(Money(), text),
            _ when description.Contains("IANA", StringComparison.Ordinal) => Zone(description, text),
            _ when description.Contains("a room", StringComparison.Ordinal) => Match(Place(), text),
            _ => null,
        };
    }

    /// <summary>"'weekdays' (Monday to Friday) or 'every day'" and "(guide, policy, handbook…)": a closed list of words.</summary>
    private static List<string> ListedValues(string description)
    {
        if (description.StartsWith('\''))
        {
            return [.. Quoted().Matches(description).Select(m => m.Groups[1].Value)];
        }
        if ((ColonList().Match(description) is { Success: true } colon ? colon : OpenList().Match(description)) is { Success: true } named)
        {
            // "Its new kind: prospect, customer, vendor or partner."
            return [.. named.Groups[1].Value.Replace(" or ", ",", StringComparison.Ordinal).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }
        if ((LeadingList().Match(description) is { Success: true } found ? found : PairList().Match(description)) is { Success: true } leading)
        {
            // "prospect (default), customer, vendor or partner; 'supplier' vendor.": the words listed and the other words it takes.
            return [.. Remark().Replace(leading.Groups[1].Value, "").Replace(" or ", ",", StringComparison.Ordinal)
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), .. Quoted().Matches(description).Select(m => m.Groups[1].Value)];
        }
        return Parenthesized().Match(description) is { Success: true } list
            ? [.. list.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : [];
    }

    private static FoundSlot? Match(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } m ? new FoundSlot(m.Groups["v"].Value, m.Index, m.Length) : null;

    public static FoundSlot? Number(string text)
    {
        var match = TicketNumber().Match(text);
        if (!match.Success)
        {
            match = BareNumber().Match(text);
        }
        return match.Success ? new FoundSlot(match.Groups["n"].Value, match.Index, match.Length) : null;
    }

    public static FoundSlot? Enum(IEnumerable<string> values, string text)
    {
        var choices = values.ToList();
        var found = new List<FoundSlot>();
        foreach (var value in choices)
        {
            // "read only" for readOnly; "GET" only as written, since "get" is an everyday word.
            var capitals = value.All(char.IsUpper);
            var words = SlotSynonyms.ByValue.GetValueOrDefault(value, []).Append(capitals ? value : Camel().Replace(value.Replace('_', ' '), " ").ToLowerInvariant());
            var options = capitals ? RegexOptions.CultureInvariant : RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
            foreach (var word in words.Distinct())
            {
                // "a tool that GETs …": a method written in capitals keeps its value with a verb's "s".
                var plural = capitals ? "s?" : "";
                foreach (Match match in Regex.Matches(text, $@"(?<![\w'])({Regex.Escape(word)}){plural}(?![\w'])", options))
                {
                    // "in chat not email", "anything but urgent": a value said to be unwanted is no choice.
                    if (!Negated().IsMatch(text[..match.Index]))
                    {
                        found.Add(new FoundSlot(value, match.Index, match.Length));
                    }
                }
            }
        }
        // The longest wording wins where two overlap: "not urgent" is low, not urgent.
        var kept = found.Where(f => !found.Any(o => o.Length > f.Length && o.Start < f.Start + f.Length && f.Start < o.Start + o.Length)).ToList();
        if (kept.Count == 0)
        {
            return null;
        }
        // "chat and email" is both, where both is a choice.
        if (choices.Contains("both") && kept.Select(f => f.Value).Where(v => v != "both").Distinct().Count() >= 2)
        {
            var from = kept.Min(f => f.Start);
            return new FoundSlot("both", from, kept.Max(f => f.Start + f.Length) - from);
        }
        // Apart, the last one mentioned wins: "ticket 6 is not that urgent, make it low" is low.
        var last = kept.OrderBy(f => f.Start).Last().Value;
        return kept.Where(f => f.Value == last).OrderByDescending(f => f.Length).First();
    }

    private static FoundSlot? Phrase(IEnumerable<string> words, string text) =>
        words.Select(w => Regex.Match(text, $@"(?<![\w'])({Regex.Escape(w)})(?![\w'])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            .Where(m => m.Success).OrderByDescending(m => m.Length).Select(m => new FoundSlot(m.Value, m.Index, m.Length)).FirstOrDefault();

    /// <summary>The longest run of words (at most seven) that reads as a date or time.</summary>
    public static FoundSlot? Date(string text, DateTimeOffset now, TimeZoneInfo zone)
    {
        var words = Words().Matches(text).ToList();
        for (var length = Math.Min(7, words.Count); length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Count; start++)
            {
                var from = words[start].Index;
                var to = words[start + length - 1].Index + words[start + length - 1].Length;
                var span = text[from..to].TrimEnd(',', '.', '?', '!', ':', ';');
                if (LooksLikeDate().IsMatch(SpokenTimes.Digits(span)) && NaturalDates.Parse(span, now, zone) is not null)
                {
                    return new FoundSlot(span, from, span.Length);
                }
            }
        }
        return null;
    }

    public static FoundSlot? Duration(string text)
    {
        var match = DurationPattern().Match(text);
        return match.Success ? new FoundSlot(match.Groups["d"].Value, match.Index, match.Length) : null;
    }

    private static string? TypeOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? null
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
        : type.GetString();

    [GeneratedRegex(@"(#|\b(ticket|tickets|number|no\.?|event|approval|request)\s*#?)\s*(?<n>\d{1,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TicketNumber();

    [GeneratedRegex(@"(?<![\w:.\-/])(?<n>\d{1,9})(?![\w:.\-/%])(?! ?(am|pm|minutes?|mins?|hours?|hrs?|days?|weeks?)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\d:\d\d|\d ?(am|pm|a\.m\.|p\.m\.)|\bthe \d{1,2}(st|nd|rd|th)\b|\d(st|nd|rd|th)? (of )?may\b|\bmay (the )?\d|\d{4}-\d\d-\d\d|today|tonight|tomorrow|tmrw|tmr|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\b(mon|tue|tues|wed|thu|thurs|fri|sat|sun)\b|noon|midday|midnight|morning|afternoon|evening|january|february|march|april|june|july|august|september|october|november|december",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeDate();

    [GeneratedRegex(@"\b(for |by )?(?<d>\d+(\.\d+)? ?(minutes?|mins?|hours?|hrs?|h|days?|weeks?)|(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty[ -]five|forty|fifty|sixty|ninety|half an) (minutes?|mins?|hours?|hrs?|days?|weeks?))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"(?<![\d-])(?<v>\d{4,8})(?![\d-])")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\b(?<v>(event|meeting) #?\d+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EventNumber();

    [GeneratedRegex(@"e\.g\. '\d{1,2}(:\d\d|am|pm)'")]
    private static partial Regex ClockExample();

    [GeneratedRegex(@"\b(?<v>\d{1,2}(:\d\d)? ?(am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d\d|noon|midnight)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    [GeneratedRegex(@"e\.g\. '\d+ (minutes|hours|days)'")]
    private static partial Regex DurationExample();

    [GeneratedRegex(@"(?<v>[\w.+\-]+@[\w\-]+(\.[\w\-]+)+)", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<v>https?://[^\s,]*[^\s,.!?)])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![\w\-])(?<v>\+?\d[\d \-()]{5,}\d)(?![\w\-])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    /// <summary>A description whose example is a snake_case name ("e.g. order_status"): the value is such a name.</summary>
    [GeneratedRegex(@"e\.g\. '?[a-z][a-z0-9]*_[a-z0-9_]+")]
    private static partial Regex IdentifierExample();

    [GeneratedRegex(@"(?<![\w/{])(?<v>[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9])(?![\w}])", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@": ([a-z]+(, [a-z]+)*,? or [a-z]+)\.?$")]
    private static partial Regex ColonList();

    /// <summary>"Only events of this kind: llm_call, tool_call, approval_requested …": a list whose end is left open.</summary>
    [GeneratedRegex(@": ([a-z_]+(, [a-z_]+)+) ?…$")]
    private static partial Regex OpenList();

    [GeneratedRegex(@"^([a-zA-Z]+( \([^)]*\))?(, [a-zA-Z]+( \([^)]*\))?)+,? or [a-zA-Z]+( \([^)]*\))?)[;.]")]
    private static partial Regex LeadingList();

    /// <summary>"approve or reject.": two choices, each a word too long to be a preposition ("on or off" is not read this way).</summary>
    [GeneratedRegex(@"^([a-z]{3,} or [a-z]{3,})\.$")]
    private static partial Regex PairList();

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Remark();

    [GeneratedRegex(@"(?<=[a-z])(?=[A-Z])")]
    private static partial Regex Camel();

    [GeneratedRegex(@"\(([a-z]+(, [a-z]+)+)…?\)")]
    private static partial Regex Parenthesized();
}
