using System.Globalization;

namespace OperatorOne.Skills.Calendar;

/// <summary>The hours someone works on the wall clock of their own time zone: the organization's default or their own.</summary>
internal sealed record WorkingHours(TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek> Days)
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static readonly IReadOnlySet<DayOfWeek> MondayToFriday = Week[..5].ToHashSet();

    public static WorkingHours Weekdays(TimeOnly start, TimeOnly end) => new(start, end, MondayToFriday);

    /// <summary>The days as stored: bit 1 &lt;&lt; (int)DayOfWeek for each working day.</summary>
    public int DayBits => Days.Aggregate(0, (bits, day) => bits | (1 << (int)day));

    public static IReadOnlySet<DayOfWeek> FromBits(int bits) => Week.Where(d => (bits & (1 << (int)d)) != 0).ToHashSet();

    /// <summary>Whether [start, start + length) lies inside one working day, read on the wall clock of <paramref name="zone"/>.</summary>
    public bool Contains(DateTimeOffset start, TimeSpan length, TimeZoneInfo zone)
    {
        var localStart = TimeZoneInfo.ConvertTime(start, zone);
        var localEnd = TimeZoneInfo.ConvertTime(start + length, zone);
        return localStart.Date == localEnd.Date
            && Days.Contains(localStart.DayOfWeek)
            && TimeOnly.FromTimeSpan(localStart.TimeOfDay) >= Start
            && TimeOnly.FromTimeSpan(localEnd.TimeOfDay) <= End;
    }

    /// <summary>"08:00–16:00 Mon–Thu", "10:00–18:00 Mon, Wed, Fri".</summary>
    public string Describe() => $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{End.ToString("HH:mm", CultureInfo.InvariantCulture)} {DaysText()}";

    private string DaysText()
    {
        var days = Week.Where(Days.Contains).ToList();
        var first = Array.IndexOf(Week, days.FirstOrDefault());
        var consecutive = days.Count > 2 && days.Select((d, i) => Array.IndexOf(Week, d) == first + i).All(x => x);
        return days.Count == 7 ? "every day"
            : consecutive ? $"{Short(days[0])}–{Short(days[^1])}"
            : string.Join(", ", days.Select(Short));
    }

    private static string Short(DayOfWeek day) => day.ToString()[..3];
}
