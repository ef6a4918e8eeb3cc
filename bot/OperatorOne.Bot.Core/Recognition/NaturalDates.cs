using System.Globalization;
using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>The dates people type: "today", "tomorrow at 3pm", "yesterday", "in 2 hours", or an ISO date.</summary>
public static partial class NaturalDates
{
    public static DateTimeOffset? Parse(string text, DateTimeOffset now)
    {
        text = text.Trim().ToLowerInvariant();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact))
        {
            return exact;
        }
        var relative = InPattern().Match(text);
        if (relative.Success)
        {
            var amount = int.Parse(relative.Groups["n"].Value, CultureInfo.InvariantCulture);
            return relative.Groups["unit"].Value.StartsWith('m') ? now.AddMinutes(amount)
                : relative.Groups["unit"].Value.StartsWith('h') ? now.AddHours(amount) : now.AddDays(amount);
        }
        var day = DayPattern().Match(text);
        if (!day.Success)
        {
            return null;
        }
        var date = day.Groups["day"].Value switch
        {
            "tomorrow" => now.Date.AddDays(1),
            "yesterday" => now.Date.AddDays(-1),
            _ => now.Date,
        };
        // "since yesterday" means from its start; nothing is scheduled in the past, so no working-hours default.
        var time = day.Groups["day"].Value == "yesterday" && !day.Groups["time"].Success ? TimeSpan.Zero : TimeOfDay(day.Groups["time"].Value);
        return time is null ? null : new DateTimeOffset(date + time.Value, now.Offset);
    }

    private static TimeSpan? TimeOfDay(string text)
    {
        if (text.Length == 0 || text == "morning")
        {
            return TimeSpan.FromHours(9);
        }
        if (text == "afternoon")
        {
            return TimeSpan.FromHours(14);
        }
        var clock = ClockPattern().Match(text);
        if (!clock.Success)
        {
            return null;
        }
        var hour = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = clock.Groups["m"].Success ? int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (clock.Groups["ampm"].Value == "pm" && hour < 12)
        {
            hour += 12;
        }
        if (clock.Groups["ampm"].Value == "am" && hour == 12)
        {
            hour = 0;
        }
        return hour < 24 && minute < 60 ? new TimeSpan(hour, minute, 0) : null;
    }

    [GeneratedRegex(@"^in (?<n>\d+) (?<unit>minutes?|mins?|hours?|days?)$")]
    private static partial Regex InPattern();

    [GeneratedRegex(@"^(?<day>today|tomorrow|yesterday)(?: (?:at )?(?<time>.+))?$")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"^(?<h>\d{1,2})(?::(?<m>\d{2}))? ?(?<ampm>am|pm)?$")]
    private static partial Regex ClockPattern();
}
