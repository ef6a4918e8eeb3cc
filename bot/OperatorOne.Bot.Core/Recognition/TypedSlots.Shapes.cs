using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Values with a shape of their own (a date, a duration, an amount of money, an address, a time zone): found wherever
/// they stand, and never left inside a name or a title.
/// </summary>
internal static partial class TypedSlots
{
    /// <summary>Whether the parameter's values have a shape no everyday word has, so finding one inside another slot's words means it was said there.</summary>
    public static bool HasShape(RegisteredTool tool, string parameter)
    {
        if (tool.ParameterSchema(parameter) is not { } schema || schema.TryGetProperty("enum", out _))
        {
            return false;
        }
        if (schema.TryGetProperty("format", out var format) && format.GetString() is "date-time" or "date")
        {
            return true;
        }
        var description = schema.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        return TypeOf(schema) == "string"
            && (description.Contains("YYYY-MM-DD", StringComparison.Ordinal) || description.Contains("{parameter}", StringComparison.Ordinal) || ClockExample().IsMatch(description) || DurationExample().IsMatch(description)
                || description.Contains("email address", StringComparison.OrdinalIgnoreCase) || description.Contains("URL", StringComparison.Ordinal)
                || description.Contains("IANA", StringComparison.Ordinal) || description.Contains("a room", StringComparison.Ordinal) || AmountExample().IsMatch(description));
    }

    /// <summary>A text parameter whose description lists the words it takes ("approve or reject"): left-over words are not its value.</summary>
    public static bool IsClosedList(RegisteredTool tool, string parameter) =>
        tool.ParameterSchema(parameter) is { } schema && schema.TryGetProperty("description", out var d) && (ListedValues(d.GetString() ?? "").Count > 0 || ChoicePair().IsMatch(d.GetString() ?? ""));

    /// <summary>"Europe/Dublin", "UTC"; and "default" where the parameter takes it ("use the company default time zone").</summary>
    private static FoundSlot? Zone(string description, string text) =>
        Match(IanaZone(), text) ?? (description.Contains("'default'", StringComparison.Ordinal) ? Match(DefaultWord(), text) : null);

    /// <summary>A closed list's value for a captured word said another way ("deny" → reject), or null when the parameter takes any words.</summary>
    private static string? ListedValueOf(string description, string value) =>
        ListedValues(description) is { Count: > 0 } listed && Enum(listed, value) is { } chosen && chosen.Length >= value.Trim().Length - 1
            ? Aliased(description, chosen.Value) : null;

    /// <summary>"'client' means customer, 'supplier' vendor": the value a word the description lists stands for.</summary>
    private static string Aliased(string description, string value) =>
        Alias().Matches(description).FirstOrDefault(m => m.Groups["alias"].Value.Equals(value, StringComparison.OrdinalIgnoreCase)) is { } alias
            ? alias.Groups["value"].Value : value;

    [GeneratedRegex(@"'(?<alias>[a-z]+)' (means |is |= )?(?<value>[a-z]+)")]
    private static partial Regex Alias();

    /// <summary>Where an event is: "in the big meeting room", "in Room Kilimanjaro", "at the main hall", a call link ("meet.example.com/abc").</summary>
    [GeneratedRegex(@"\b(in|at) (the |our )?(?<v>([a-z0-9]+ ){0,3}(room|hall|office|boardroom|kitchen|lobby|canteen|cafeteria|lounge|studio|warehouse)( (\d{1,4}[a-z]?|[b-hj-z]|(?-i:[A-Z]\w+))(?![\w:'.]))?)\b|(?<![\w@.])(?<v>(https?://)?[a-z0-9\-]+(\.[a-z0-9\-]+)+/[\w\-/?=&]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Place();

    /// <summary>An example sentence said without quotes: the words holding a {placeholder}, after a colon or "the phrase", "say", "ask" ("… to use stock_level" is not in it).</summary>
    [GeneratedRegex(@"(?:[:]\s*|\b(?:phrase|phrasing|say|saying|ask)\s+)(?<v>[^:]*\{[a-z_]+\}[^:]*?)(?=\s+to use\b|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderSentence();

    /// <summary>"on or off.": two words only, too common to look for anywhere in a sentence, but no place for left-over words either.</summary>
    [GeneratedRegex(@"^[a-z]+ or [a-z]+\.$")]
    private static partial Regex ChoicePair();

    /// <summary>Words in quotes: an example sentence given for a tool ("teach stock_level the phrase "how many {sku} do we have"").</summary>
    [GeneratedRegex(@"[""“](?<v>[^""“”]+)[""”]")]
    private static partial Regex QuotedText();

    /// <summary>A user's id on a channel: a Teams object id (a GUID), a Slack user id, a phone number.</summary>
    [GeneratedRegex(@"(?<![\w\-])(?<v>[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|U[A-Z0-9]{8,}|\+?\d[\d \-()]{5,}\d)(?![\w\-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChannelId();

    /// <summary>A value the sentence says is not wanted: "chat not email", "anything but urgent", "rather than email".</summary>
    [GeneratedRegex(@"\b(not|never|but|rather than|instead of|except)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negated();

    /// <summary>A description whose examples are sums of money: "'12,000 EUR', '$5k'".</summary>
    [GeneratedRegex(@"'[$€£]\d[\d,.]*k?'|'\d{1,3}(,\d{3})+( [A-Z]{3})?'")]
    private static partial Regex AmountExample();

    /// <summary>A sum in figures or, as speech recognizers write it, in words ("eight thousand euros").</summary>
    [GeneratedRegex(@"(?<![\w$€£.,])(?<v>[$€£] ?\d[\d,.]*(\s?(k|m)\b)?|\d[\d,.]*\s?(k|m)?\s?(eur|euros?|usd|dollars?|gbp|pounds?|quid|chf|francs?|cad|aud|nzd|sek|nok|dkk|pln|inr|jpy|yen|bucks|grand)\b|\d[\d,.]*k\b|(?<=\b(worth|valued at|amount (of|to|is)) )\d[\d,.]*\d|\b((a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and)[ -])+(thousand|hundred|million) (eur|euros?|usd|dollars?|gbp|pounds?|quid|chf|francs?|cad|aud|nzd|sek|nok|dkk|pln|inr|jpy|yen|bucks)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Money();

    [GeneratedRegex(@"(?<![\w/.])(?<v>(africa|america|antarctica|asia|atlantic|australia|europe|indian|pacific|etc)/[a-z_]+(/[a-z_]+)?|utc|gmt)(?![\w/])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IanaZone();

    [GeneratedRegex(@"\b(?<v>default)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefaultWord();
}
