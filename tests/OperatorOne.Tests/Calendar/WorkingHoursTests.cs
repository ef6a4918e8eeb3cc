using OperatorOne.Data.Calendar;
using OperatorOne.Skills.Calendar;

namespace OperatorOne.Tests.Calendar;

/// <summary>Per-member working hours as said in chat, and read on each person's own clock; what counts as busy.</summary>
public sealed class WorkingHoursTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly WorkingHours NineToFive = WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0));

    [Theory]
    [InlineData("8 to 4", "08:00–16:00 Mon–Fri")]
    [InlineData("10am-6pm Mon-Thu", "10:00–18:00 Mon–Thu")]
    [InlineData("mondays to thursdays from 10 to 6", "10:00–18:00 Mon–Thu")]
    [InlineData("9:00–17:30 weekdays", "09:00–17:30 Mon–Fri")]
    [InlineData("2-10pm", "14:00–22:00 Mon–Fri")]
    [InlineData("7am to 3pm mon, wed and fri", "07:00–15:00 Mon, Wed, Fri")]
    [InlineData("fri-mon 9-5", "09:00–17:00 Mon, Fri, Sat, Sun")]
    [InlineData("nine to three monday to friday", "09:00–15:00 Mon–Fri")]
    public void HoursAreReadAsPeopleSayThem(string said, string expected)
    {
        var (hours, problem) = WorkingHoursText.Parse(said, WorkingHours.MondayToFriday);

        Assert.Null(problem);
        Assert.Equal(expected, hours!.Describe());
    }

    [Theory]
    [InlineData("whenever")]
    [InlineData("6pm to 8am")]
    [InlineData("25 to 30")]
    public void HoursThatMakeNoSenseAreRefused(string said) =>
        Assert.NotNull(WorkingHoursText.Parse(said, WorkingHours.MondayToFriday).Problem);

    [Fact]
    public void DaysAreKeptWhenOnlyTheHoursChange()
    {
        var monToThu = WorkingHoursText.Parse("10-6 mon-thu", WorkingHours.MondayToFriday).Hours!;

        Assert.Equal("08:00–16:00 Mon–Thu", WorkingHoursText.Parse("8 to 4", monToThu.Days).Hours!.Describe());
        Assert.Equal(monToThu.Days, WorkingHours.FromBits(monToThu.DayBits));
    }

    [Fact]
    public void OwnHoursInTwoZonesOnlyOverlapOnceNewYorkHasMovedToSummerTime()
    {
        // Berlin works 08:00–16:00 (07:00–15:00 UTC in winter). New York works 10:00–18:00 Mon–Thu: 15:00–23:00 UTC
        // before Sunday 8 March 2026, 14:00–22:00 UTC after. No common hour on Thursday 5 March, none on Friday
        // (New York is off), one on Monday 9 March.
        var people = new[]
        {
            new Participant("Ada", Berlin, [], WorkingHours.Weekdays(new TimeOnly(8, 0), new TimeOnly(16, 0))),
            new Participant("Max", NewYork, [], WorkingHoursText.Parse("10am-6pm Mon-Thu", WorkingHours.MondayToFriday).Hours),
        };
        var thursday = new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero);

        var slots = SlotFinder.Find(people, TimeSpan.FromHours(1), thursday, thursday.AddDays(5), NineToFive, count: 5);

        Assert.Equal([new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero)], slots);
        Assert.Equal(["Max"], SlotFinder.OffHours(people, new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1), NineToFive).Select(p => p.Name));
        Assert.Equal(["Ada", "Max"], SlotFinder.OffHours(people, new DateTimeOffset(2026, 3, 6, 15, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1), NineToFive).Select(p => p.Name));
    }

    [Fact]
    public void SomeoneWithoutTheirOwnHoursWorksTheOrganizationsDefault()
    {
        var people = new[] { new Participant("Mia", TimeZoneInfo.Utc, []) };
        var monday = new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal([monday.AddHours(9)], SlotFinder.Find(people, TimeSpan.FromHours(1), monday, monday.AddDays(1), NineToFive, count: 1));
    }

    [Theory]
    [InlineData(EventKind.Meeting, RsvpResponse.Accepted, 30, true)]
    [InlineData(EventKind.Meeting, RsvpResponse.Pending, 30, true)]
    [InlineData(EventKind.Meeting, RsvpResponse.Tentative, 30, true)]
    [InlineData(EventKind.Meeting, RsvpResponse.Declined, 30, false)]
    [InlineData(EventKind.Campaign, RsvpResponse.Accepted, 1440, false)]
    [InlineData(EventKind.Reminder, RsvpResponse.Accepted, 0, false)]
    [InlineData(EventKind.Deadline, RsvpResponse.Accepted, 0, false)]
    [InlineData(EventKind.Reminder, RsvpResponse.Accepted, 120, true)]
    [InlineData(EventKind.Deadline, RsvpResponse.Pending, 60, false)]
    [InlineData(EventKind.Reminder, RsvpResponse.Declined, 120, false)]
    public void MeetingsNotDeclinedAndAcceptedBlocksOfTimeMakeSomeoneBusy(EventKind kind, RsvpResponse response, int minutes, bool blocks)
    {
        var start = new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(blocks, Busyness.Blocks(kind, response, start, start.AddMinutes(minutes)));
    }
}
