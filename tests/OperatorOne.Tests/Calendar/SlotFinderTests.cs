using OperatorOne.Skills.Calendar;

namespace OperatorOne.Tests.Calendar;

/// <summary>The slot finder alone, with fixed dates: working hours on each person's own clock, busy times, a DST change.</summary>
public sealed class SlotFinderTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly WorkingHours NineToFive = WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0));

    [Fact]
    public void BerlinAndNewYorkOverlapFromNineInNewYorkUntilFiveInBerlin()
    {
        // Friday 6 March 2026: Berlin is UTC+1, New York UTC-5; 9:00 in New York is 14:00 UTC.
        var people = new[] { new Participant("Ada", Berlin, []), new Participant("Max", NewYork, []) };
        var from = new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.Zero);

        var slots = SlotFinder.Find(people, TimeSpan.FromHours(1), from, from.AddDays(1), NineToFive);

        Assert.Equal([new DateTimeOffset(2026, 3, 6, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 6, 15, 0, 0, TimeSpan.Zero)], slots);
    }

    [Fact]
    public void AfterNewYorkMovesToSummerTimeTheCommonWindowOpensAnHourEarlierInUtc()
    {
        // New York changes on Sunday 8 March 2026, Berlin not until 29 March: on Monday 9 March the gap is five hours.
        var people = new[] { new Participant("Ada", Berlin, []), new Participant("Max", NewYork, []) };
        var friday = new DateTimeOffset(2026, 3, 6, 12, 0, 0, TimeSpan.Zero);

        var slots = SlotFinder.Find(people, TimeSpan.FromHours(1), friday, friday.AddDays(4), NineToFive, count: 6);

        Assert.Equal(
        [
            new DateTimeOffset(2026, 3, 6, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 6, 15, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero),
        ], slots);
        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(slots[2], NewYork).DateTime));
        Assert.Equal(new TimeOnly(14, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(slots[2], Berlin).DateTime));
    }

    [Fact]
    public void BusyTimesAreSkippedAndSuggestionsDoNotOverlap()
    {
        var monday = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var meeting = new Busy(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
        var people = new[] { new Participant("Ada", Berlin, [meeting]), new Participant("Mia", Berlin, []) };

        var slots = SlotFinder.Find(people, TimeSpan.FromMinutes(30), monday, monday.AddDays(1), NineToFive);

        Assert.Equal([new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.Zero)], slots);
        Assert.Equal(["Ada"], SlotFinder.Clashes(people, monday.AddMinutes(30), monday.AddMinutes(60)).Select(p => p.Name));
    }

    [Fact]
    public void WeekendsAndTimesOutsideWorkingHoursAreNeverOffered()
    {
        var saturday = new DateTimeOffset(2026, 3, 7, 0, 0, 0, TimeSpan.Zero);
        var people = new[] { new Participant("Ada", Berlin, []) };

        var slots = SlotFinder.Find(people, TimeSpan.FromHours(1), saturday, saturday.AddDays(3), NineToFive, count: 1);

        Assert.Equal([new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.Zero)], slots);
    }

    [Fact]
    public void NoCommonWorkingTimeMeansNoSlot()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        // Tokyo works 00:00–08:00 UTC, New York 14:00–22:00 UTC.
        var people = new[] { new Participant("Ada", tokyo, []), new Participant("Max", NewYork, []) };
        var from = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

        Assert.Empty(SlotFinder.Find(people, TimeSpan.FromHours(1), from, from.AddDays(5), NineToFive));
    }
}
