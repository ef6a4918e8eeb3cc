using System.Globalization;
using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// Working hours as people say them, decided without a database: "8 to 4", "10am-6pm Mon-Thu", "9:00–17:30 weekdays",
/// "7am to 3pm monday to friday", "mon, wed, fri 9-5". A bare end hour not after the start is afternoon ("8 to 4" is
/// 08:00–16:00); no days said keeps the days given (the member's current ones).
/// </summary>
internal static partial class WorkingHoursText
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static (WorkingHours? Hours, string? Problem) Parse(string text, IReadOnlySet<DayOfWeek> days)
    {
        var said = Spoken().Replace(text.Trim().ToLowerInvariant().Replace('–', '-').Replace('—', '-'),
            m => SpokenHours.Of(m.Value)!.Value.ToString(CultureInfo.InvariantCulture));
        if (Range().Match(said) is not { Success: true } range)
        {
            return (null, $"I didn't get the hours in \"{text.Trim()}\". Say for example '9 to 5' or '10am-6pm Mon-Thu'.");
        }
        var (start, startMeridiem) = Clock(range.Groups["s"].Value);
        var (end, endMeridiem) = Clock(range.Groups["e"].Value);
        if (start is null || end is null)
        {
            return (null, $"I didn't get the hours in \"{text.Trim()}\". Say for example '9 to 5' or '10am-6pm Mon-Thu'.");
        }
        if (!startMeridiem && endMeridiem && end.Value.Hour >= 12 && start.Value.Hour < 12 && start.Value.AddHours(12) < end.Value)
        {
            start = start.Value.AddHours(12); // "2-10pm" is 14:00–22:00.
        }
        if (!endMeridiem && end <= start && end.Value.Hour < 12)
        {
            end = end.Value.AddHours(12); // "8 to 4" is 08:00–16:00.
        }
        if (end <= start)
        {
            return (null, $"Working hours must end after they start on the same day; {start:HH\\:mm} to {end:HH\\:mm} doesn't.");
        }
        var rest = said.Remove(range.Index, range.Length);
        var chosen = Days(rest) ?? days;
        return chosen.Count == 0 ? (null, "Which days do you work?") : (new WorkingHours(start.Value, end.Value, chosen), null);
    }

    /// <summary>The days named in <paramref name="text"/>: "mon-thu", "monday to friday", "weekdays", "mon, wed and fri"; null when none are.</summary>
    internal static IReadOnlySet<DayOfWeek>? Days(string text)
    {
        if (Weekends().IsMatch(text))
        {
            return new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday };
        }
        if (EveryDay().IsMatch(text))
        {
            return Enum.GetValues<DayOfWeek>().ToHashSet();
        }
        if (Weekdays().IsMatch(text))
        {
            return WorkingHours.MondayToFriday;
        }
        if (DaySpan().Match(text) is { Success: true } span)
        {
            var (from, to) = (Day(span.Groups["a"].Value), Day(span.Groups["b"].Value));
            var found = new HashSet<DayOfWeek>();
            for (var d = from; ; d = (DayOfWeek)(((int)d + 1) % 7))
            {
                found.Add(d);
                if (d == to)
                {
                    return found;
                }
            }
        }
        var named = OneDay().Matches(text).Select(m => Day(m.Value)).ToHashSet();
        return named.Count == 0 ? null : named;
    }

    private static DayOfWeek Day(string word) => (DayOfWeek)Array.IndexOf(DayNames, word[..3]);

    private static (TimeOnly? Time, bool Meridiem) Clock(string text)
    {
        var t = text.Replace(" ", "", StringComparison.Ordinal).Replace(".", ":", StringComparison.Ordinal);
        if (t is "noon" or "midday")
        {
            return (new TimeOnly(12, 0), true);
        }
        var meridiem = t.EndsWith("am", StringComparison.Ordinal) ? "am" : t.EndsWith("pm", StringComparison.Ordinal) ? "pm" : "";
        var digits = t[..^meridiem.Length].Split(':');
        var hour = int.Parse(digits[0], CultureInfo.InvariantCulture);
        var minute = digits.Length > 1 ? int.Parse(digits[1], CultureInfo.InvariantCulture) : 0;
        if (meridiem.Length > 0 && hour is < 1 or > 12)
        {
            return (null, true);
        }
        hour = meridiem switch { "am" => hour % 12, "pm" => hour % 12 + 12, _ => hour };
        if (hour == 24 && minute == 0)
        {
            return (new TimeOnly(23, 59), meridiem.Length > 0); // "until 24:00" means the end of the day.
        }
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? (new TimeOnly(hour, minute), meridiem.Length > 0) : (null, meridiem.Length > 0);
    }

    /// <summary>An hour said in words, as speech recognizers write "nine to three" or "ten to six".</summary>
    public const string SpokenHour = SpokenHours.Pattern;

    private const string Time = @"(\d{1,2}([:.]\d{2})? ?(am|pm)?|noon|midday)";
    private const string Weekday = "(mon|tue|wed|thu|fri|sat|sun)[a-z]*";

    [GeneratedRegex($@"(from )?(?<s>{Time}) ?(-|to|till|until|through|thru) ?(?<e>{Time})")]
    private static partial Regex Range();

    [GeneratedRegex($@"(?<a>{Weekday}) ?(-|to|till|until|through|thru) ?(?<b>{Weekday})")]
    private static partial Regex DaySpan();

    [GeneratedRegex($@"\b{Weekday}")]
    private static partial Regex OneDay();

    [GeneratedRegex(@"\bweekdays?\b|\bworkdays?\b|\bwork ?week\b")]
    private static partial Regex Weekdays();

    [GeneratedRegex($@"\b{SpokenHour}\b")]
    private static partial Regex Spoken();

    [GeneratedRegex(@"\bweekends?\b")]
    private static partial Regex Weekends();

    [GeneratedRegex(@"\bevery ?day\b|\bdaily\b|\ball week\b|\b7 days\b")]
    private static partial Regex EveryDay();
}
