using System.Globalization;
using System.Text.RegularExpressions;

namespace OperatorOne.Skills.Calendar;

/// <summary>How long people say a meeting lasts: "30 minutes", "an hour", "1.5 hours", "90 min", "1h30", "fifteen minutes".</summary>
internal static partial class Durations
{
    /// <summary>The counts a length is said with in words (speech recognizers write "fifteen minutes", "two hours").</summary>
    public const string CountWords = "(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|forty five|fifty|sixty|ninety)";

    private static readonly Dictionary<string, int> Counts = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["forty-five"] = 45, ["forty five"] = 45, ["fifty"] = 50, ["sixty"] = 60, ["ninety"] = 90,
    };

    public static TimeSpan? Parse(string? text)
    {
        var said = (text ?? "").Trim().ToLowerInvariant();
        switch (said)
        {
            case "an hour" or "one hour" or "hour" or "1 hour": return TimeSpan.FromHours(1);
            case "half an hour" or "a half hour" or "half hour": return TimeSpan.FromMinutes(30);
        }
        if (HoursAndMinutes().Match(said) is { Success: true } both)
        {
            return TimeSpan.FromHours(int.Parse(both.Groups["h"].Value, CultureInfo.InvariantCulture))
                + TimeSpan.FromMinutes(int.Parse(both.Groups["m"].Value, CultureInfo.InvariantCulture));
        }
        if (Amount().Match(said) is not { Success: true } match)
        {
            return null;
        }
        var n = match.Groups["n"].Value;
        var amount = Counts.TryGetValue(n, out var count) ? count : double.Parse(n, CultureInfo.InvariantCulture);
        var span = match.Groups["unit"].Value.StartsWith('h') ? TimeSpan.FromHours(amount) : TimeSpan.FromMinutes(amount);
        return span > TimeSpan.Zero && span <= TimeSpan.FromDays(14) ? span : null;
    }

    public static string Words(TimeSpan span) => span.TotalMinutes switch
    {
        < 60 => $"{span.TotalMinutes:0} minutes",
        60 => "1 hour",
        var m when m % 60 == 0 => $"{m / 60:0} hours",
        _ => $"{span.TotalHours:0.#} hours",
    };

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|forty five|fifty|sixty|ninety) ?(?<unit>minutes?|mins?|m|hours?|hrs?|h)( long)?$")]
    private static partial Regex Amount();

    [GeneratedRegex(@"^(?<h>\d+)h ?(?<m>\d{1,2})(m|min)?$")]
    private static partial Regex HoursAndMinutes();
}
