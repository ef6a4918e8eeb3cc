using System.Globalization;

namespace OperatorOne.Tests.Calendar;

/// <summary>Future working days written the way people type them, so scripts never depend on today's weekday.</summary>
internal static class CalendarDays
{
    /// <summary>The first <paramref name="day"/> at least <paramref name="daysAhead"/> days from today (UTC).</summary>
    public static DateOnly Next(DayOfWeek day, int daysAhead = 3)
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }
        return date;
    }

    /// <summary>"9 December 2026".</summary>
    public static string Words(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static DateTimeOffset At(DateOnly date, int hour, int minute, string zone) =>
        Bot.Core.Recognition.NaturalDates.Local(date, new TimeOnly(hour, minute), TimeZoneInfo.FindSystemTimeZoneById(zone));
}
