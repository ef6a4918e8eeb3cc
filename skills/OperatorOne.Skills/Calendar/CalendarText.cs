using System.Globalization;
using OperatorOne.Data.Calendar;

namespace OperatorOne.Skills.Calendar;

/// <summary>Times as the reader sees them: in their own time zone, short and unambiguous.</summary>
internal static class CalendarText
{
    public static string When(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A time that <see cref="Bot.Core.Recognition.NaturalDates"/> reads back: "3 March 15:30".</summary>
    public static string Answerable(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("d MMMM HH:mm", CultureInfo.InvariantCulture);

    public static string Span(CalendarEvent e, TimeZoneInfo zone) => Span(e.StartsAt, e.EndsAt, zone);

    /// <summary>"Mon 7 Dec".</summary>
    public static string Day(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("ddd d MMM", CultureInfo.InvariantCulture);

    /// <summary>"09:30–09:45", or "09:30" for a moment.</summary>
    public static string Hours(CalendarEvent e, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTime(e.StartsAt, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        return e.EndsAt <= e.StartsAt ? start : $"{start}–{TimeZoneInfo.ConvertTime(e.EndsAt, zone).ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    public static string Span(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        if (end <= start)
        {
            return When(start, zone);
        }
        var localStart = TimeZoneInfo.ConvertTime(start, zone);
        var localEnd = TimeZoneInfo.ConvertTime(end, zone);
        return localStart.Date == localEnd.Date
            ? $"{When(start, zone)}–{localEnd.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : $"{When(start, zone)} – {When(end, zone)}";
    }

    public static string Word(EventKind kind) => kind.ToString().ToLowerInvariant();

    public static string Word(RsvpResponse response) => response.ToString().ToLowerInvariant();

    public static string List(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    public static string Or(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}";

    public static string Label(CalendarEvent e, TimeZoneInfo zone) => $"#{e.Number} {e.Title} ({When(e.StartsAt, zone)})";
}
