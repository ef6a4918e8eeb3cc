using System.Globalization;
using System.Text.RegularExpressions;

namespace OperatorOne.Skills.Calendar;

/// <summary>How long people say a meeting lasts: "30 minutes", "an hour", "1.5 hours", "90 min", "1h30".</summary>
internal static partial class Durations
{
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
        var amount = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
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

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?) ?(?<unit>minutes?|mins?|m|hours?|hrs?|h)( long)?$")]
    private static partial Regex Amount();

    [GeneratedRegex(@"^(?<h>\d+)h ?(?<m>\d{1,2})(m|min)?$")]
    private static partial Regex HoursAndMinutes();
}
