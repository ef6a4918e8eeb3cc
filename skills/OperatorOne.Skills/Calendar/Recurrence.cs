using System.Globalization;
using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Skills.Calendar;

internal enum Frequency
{
    Daily,
    Weekdays,
    Weekly,
    Monthly,
}

/// <summary>
/// How an event repeats and when it stops: every N days, weekdays (Monday–Friday), weeks or months, ending after a count
/// of occurrences or on a last day (inclusive, on the organizer's wall clock). Occurrences keep their wall-clock time across
/// DST changes; a monthly event on the 31st skips the months without one, as RFC 5545 does.
/// </summary>
internal sealed record Recurrence(Frequency Frequency, int Interval, int? Count, DateOnly? Until)
{
    /// <summary>A year of weekday stand-ups fits; more is a sign of a missing or mistyped end.</summary>
    public const int MaxOccurrences = 260;

    /// <summary>Every start of the series from <paramref name="first"/>, read in <paramref name="zone"/>, up to one past the cap.</summary>
    public IReadOnlyList<DateTimeOffset> Expand(DateTimeOffset first, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(first, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var starts = new List<DateTimeOffset>();
        var limit = Math.Min(Count ?? int.MaxValue, MaxOccurrences + 1);
        for (var step = 0; starts.Count < limit && step < 4 * (MaxOccurrences + 1) * Math.Max(1, Interval); step++)
        {
            if (DateOf(day, step) is not { } date)
            {
                continue;
            }
            if (Until is { } until && date > until)
            {
                break;
            }
            starts.Add(NaturalDates.Local(date, time, zone));
        }
        return starts;
    }

    /// <summary>The date of the step-th candidate; null when that candidate does not exist (a weekend, a 31 February).</summary>
    private DateOnly? DateOf(DateOnly first, int step) => Frequency switch
    {
        Frequency.Daily => first.AddDays(step * Interval),
        Frequency.Weekdays => first.AddDays(step) is var d && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) ? d : null,
        Frequency.Weekly => first.AddDays(7 * step * Interval),
        _ => first.AddMonths(step * Interval) is var m && m.Day == first.Day ? m : null,
    };

    /// <summary>The rule as iCalendar writes it: "FREQ=WEEKLY;INTERVAL=2;COUNT=6".</summary>
    public string Rule
    {
        get
        {
            var rule = Frequency switch
            {
                Frequency.Daily => "FREQ=DAILY",
                Frequency.Weekdays => "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
                Frequency.Weekly => "FREQ=WEEKLY",
                _ => "FREQ=MONTHLY",
            };
            if (Interval > 1)
            {
                rule += string.Create(CultureInfo.InvariantCulture, $";INTERVAL={Interval}");
            }
            return Count is { } count ? string.Create(CultureInfo.InvariantCulture, $"{rule};COUNT={count}")
                : Until is { } until ? $"{rule};UNTIL={until.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}" : rule;
        }
    }

    /// <summary>"every weekday", "every 2 weeks", "every month".</summary>
    public string Words => (Frequency, Interval) switch
    {
        (Frequency.Weekdays, _) => "every weekday",
        (Frequency.Daily, 1) => "every day",
        (Frequency.Weekly, 1) => "every week",
        (Frequency.Monthly, 1) => "every month",
        (Frequency.Daily, var n) => string.Create(CultureInfo.InvariantCulture, $"every {n} days"),
        (Frequency.Weekly, var n) => string.Create(CultureInfo.InvariantCulture, $"every {n} weeks"),
        (_, var n) => string.Create(CultureInfo.InvariantCulture, $"every {n} months"),
    };
}
