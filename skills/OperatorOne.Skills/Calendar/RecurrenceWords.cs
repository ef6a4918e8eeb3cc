using System.Globalization;
using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Skills.Calendar;

/// <summary>A series as asked for: its rule and its first start (moved to the weekday "every Monday" names).</summary>
internal sealed record SeriesPlan(Recurrence Rule, DateTimeOffset First);

/// <summary>
/// "every weekday" + "until 18 December", "weekly" + "6 times", "every monday" + "for 2 months" → a <see cref="Recurrence"/>,
/// decided without a database so every wording is unit-tested.
/// </summary>
internal static partial class RecurrenceWords
{
    public const string NeedsEnd = "How long should it repeat? Say for example '10 times', 'for 6 weeks' or 'until 31 March'.";

    public static (SeriesPlan? Plan, string? Problem) Read(string repeats, string? ends, DateTimeOffset first, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (ReadRepeats(repeats) is not { } every)
        {
            return (null, $"I didn't get how \"{repeats.Trim()}\" repeats. Try 'every day', 'every weekday', 'every week' or 'every month'.");
        }
        var start = every.On is { } weekday ? NextOn(first, weekday, zone) : first;
        if (string.IsNullOrWhiteSpace(ends))
        {
            return (null, NeedsEnd);
        }
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var (count, until, problem) = ReadEnds(ends, firstDay, now, zone);
        if (problem is not null)
        {
            return (null, problem);
        }
        if (until < firstDay)
        {
            return (null, $"It would end on {until:d MMMM} before it starts on {firstDay:d MMMM}. When should it stop?");
        }
        var rule = new Recurrence(every.Frequency, every.Interval, count, until);
        var occurrences = rule.Expand(start, zone).Count;
        return occurrences > Recurrence.MaxOccurrences
            ? (null, $"That makes more than {Recurrence.MaxOccurrences} occurrences; a recurring event may have at most {Recurrence.MaxOccurrences}. End it sooner.")
            : occurrences == 0 ? (null, "That series has no occurrences. When should it start and stop?")
            : (new SeriesPlan(rule, start), null);
    }

    /// <summary>How often, and the weekday "every Monday" pins it to; null when the words say no rhythm we know.</summary>
    public static (Frequency Frequency, int Interval, DayOfWeek? On)? ReadRepeats(string text)
    {
        var said = Clean(text);
        if (Weekdays().IsMatch(said))
        {
            return (Frequency.Weekdays, 1, null);
        }
        if (OnWeekday().Match(said) is { Success: true } on)
        {
            return (Frequency.Weekly, on.Groups["other"].Success ? 2 : 1, WeekdayOf(on.Groups["day"].Value));
        }
        if (Every().Match(said) is not { Success: true } every)
        {
            return null;
        }
        var interval = every.Groups["other"].Success ? 2 : every.Groups["n"].Success ? Number(every.Groups["n"].Value) ?? 0 : 1;
        var unit = every.Groups["unit"].Value;
        var fortnight = unit is "biweekly" or "bi-weekly" or "fortnightly";
        var frequency = unit.StartsWith('d') ? Frequency.Daily : unit.StartsWith('w') || fortnight ? Frequency.Weekly : Frequency.Monthly;
        interval = fortnight ? 2 : interval;
        return interval is >= 1 and <= 52 ? (frequency, interval, null) : null;
    }

    /// <summary>"10 times" → a count; "for 6 weeks" or "until 31 March" → the last day (inclusive).</summary>
    public static (int? Count, DateOnly? Until, string? Problem) ReadEnds(string text, DateOnly firstDay, DateTimeOffset now, TimeZoneInfo zone)
    {
        var said = Clean(text);
        if (Times().Match(said) is { Success: true } times)
        {
            return Number(times.Groups["n"].Value) is { } count and > 0
                ? (count, null, null)
                : (null, null, "How many times should it happen? Say for example '10 times'.");
        }
        if (ForSpan().Match(said) is { Success: true } span && Number(span.Groups["n"].Value) is { } n and > 0 and <= 520)
        {
            var unit = span.Groups["unit"].Value;
            var end = unit.StartsWith('d') ? firstDay.AddDays(n) : unit.StartsWith('w') ? firstDay.AddDays(7 * n) : firstDay.AddMonths(n);
            return (null, end.AddDays(-1), null);
        }
        if (UntilDate().Match(said) is { Success: true } until && NaturalDates.Parse(until.Groups["date"].Value, now, zone) is { } last)
        {
            return (null, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(last, zone).DateTime), null);
        }
        return (null, null, $"I didn't get when \"{text.Trim()}\" ends. {NeedsEnd}");
    }

    /// <summary>The first moment on <paramref name="day"/> at the same wall-clock time, on or after <paramref name="first"/>.</summary>
    private static DateTimeOffset NextOn(DateTimeOffset first, DayOfWeek day, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(first, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var ahead = ((int)day - (int)date.DayOfWeek + 7) % 7;
        return NaturalDates.Local(date.AddDays(ahead), TimeOnly.FromDateTime(local.DateTime), zone);
    }

    private static string Clean(string text) =>
        string.Join(' ', text.Trim().Trim('.', ',').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static readonly string[] Words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    private static int? Number(string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : word is "a" or "an" ? 1
        : Array.IndexOf(Words, word) is >= 0 and var index ? index : null;

    private static DayOfWeek WeekdayOf(string word) => word[..2] switch
    {
        "mo" => DayOfWeek.Monday,
        "tu" => DayOfWeek.Tuesday,
        "we" => DayOfWeek.Wednesday,
        "th" => DayOfWeek.Thursday,
        "fr" => DayOfWeek.Friday,
        "sa" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    private const string Count = "(?<n>\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";

    [GeneratedRegex(@"^(repeat(ing)? |recurring )?(every (weekday|working day|work day|workday|business day)|(on )?weekdays|(daily|every day),? (on )?weekdays|each weekday|mondays? (to|through|-) fridays?)$")]
    private static partial Regex Weekdays();

    [GeneratedRegex(@"^(repeat(ing)? |recurring )?(every|each|on)( (?<other>other))? (?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$|^(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s$")]
    private static partial Regex OnWeekday();

    [GeneratedRegex($@"^(repeat(ing)? |recurring )?((every|each)( (?<other>other)| {Count})? (?<unit>days?|weeks?|months?)|(?<unit>daily|weekly|monthly|biweekly|bi-weekly|fortnightly))$")]
    private static partial Regex Every();

    [GeneratedRegex($@"^(for )?{Count} (times|occurrences|sessions|meetings|repeats)( in total)?$")]
    private static partial Regex Times();

    [GeneratedRegex($@"^for (the next )?{Count} (?<unit>days?|weeks?|months?)$")]
    private static partial Regex ForSpan();

    [GeneratedRegex(@"^(until|till|til|through|thru|up to|ending( on)?|ends( on)?|to|last one( on)?)( and including)? (?<date>.+)$")]
    private static partial Regex UntilDate();
}
