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
            && (description.Contains("YYYY-MM-DD", StringComparison.Ordinal) || ClockExample().IsMatch(description) || DurationExample().IsMatch(description)
                || description.Contains("email address", StringComparison.OrdinalIgnoreCase) || description.Contains("URL", StringComparison.Ordinal)
                || description.Contains("IANA", StringComparison.Ordinal) || AmountExample().IsMatch(description));
    }

    /// <summary>"Europe/Dublin", "UTC"; and "default" where the parameter takes it ("use the company default time zone").</summary>
    private static FoundSlot? Zone(string description, string text) =>
        Match(IanaZone(), text) ?? (description.Contains("'default'", StringComparison.Ordinal) ? Match(DefaultWord(), text) : null);

    /// <summary>A value the sentence says is not wanted: "chat not email", "anything but urgent", "rather than email".</summary>
    [GeneratedRegex(@"\b(not|never|but|rather than|instead of|except)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negated();

    /// <summary>A description whose examples are sums of money: "'12,000 EUR', '$5k'".</summary>
    [GeneratedRegex(@"'[$€£]\d[\d,.]*k?'|'\d{1,3}(,\d{3})+( [A-Z]{3})?'")]
    private static partial Regex AmountExample();

    [GeneratedRegex(@"(?<![\w$€£.,])(?<v>[$€£] ?\d[\d,.]*(\s?(k|m)\b)?|\d[\d,.]*\s?(k|m)?\s?(eur|euros?|usd|dollars?|gbp|pounds?|quid|chf|francs?|cad|aud|nzd|sek|nok|dkk|pln|inr|jpy|yen|bucks|grand)\b|\d[\d,.]*k\b|(?<=\b(worth|valued at|amount (of|to|is)) )\d[\d,.]*\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Money();

    [GeneratedRegex(@"(?<![\w/.])(?<v>(africa|america|antarctica|asia|atlantic|australia|europe|indian|pacific|etc)/[a-z_]+(/[a-z_]+)?|utc|gmt)(?![\w/])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IanaZone();

    [GeneratedRegex(@"\b(?<v>default)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefaultWord();
}
