using OperatorOne.Data.ServiceDesk;
using OperatorOne.Data.Tickets;
using OperatorOne.Skills.ServiceDesk;

namespace OperatorOne.Tests.ServiceDesk;

public sealed class BusinessClockTests
{
    private static readonly BusinessClock Berlin = BusinessClock.From(
        new BusinessHours { TimeZone = "Europe/Berlin", Opens = new TimeOnly(9, 0), Closes = new TimeOnly(17, 0), WorkDays = 0b011_1110 },
        [new DateOnly(2026, 12, 25)]);

    [Fact]
    public void TimeAfterClosingCarriesOverToTheNextWorkingMorning()
    {
        // Thursday 24 Dec 2026, 16:00 Berlin (15:00 UTC); two business hours: one today, then Christmas and the weekend pass.
        var due = Berlin.Add(new DateTimeOffset(2026, 12, 24, 15, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void BusinessTimeBetweenTwoInstantsSkipsNightsWeekendsAndHolidays()
    {
        var from = new DateTimeOffset(2026, 12, 24, 15, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(2), Berlin.Between(from, to));
    }

    [Fact]
    public void WithoutBusinessHoursTheClockRunsAroundTheClock()
    {
        var start = new DateTimeOffset(2026, 12, 26, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal(start.AddHours(5), BusinessClock.From(null, []).Add(start, TimeSpan.FromHours(5)));
    }

    [Fact]
    public void AcrossTheSpringDstChangeAWorkingDayStillHasEightHours()
    {
        // Monday 30 March 2026 is the first working day of Berlin summer time (UTC+2).
        var start = new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 15, 0, 0, TimeSpan.Zero), Berlin.Add(start, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void PendingTimeIsAddedToTheTargetsWhenTheTicketResumes()
    {
        var clock = BusinessClock.AroundTheClock;
        var created = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        var sla = new TicketSla();
        SlaClock.Schedule(sla, created, TimeSpan.FromHours(1), TimeSpan.FromHours(4), clock);

        SlaClock.Move(sla, TicketStatus.Open, TicketStatus.Pending, created.AddHours(1), clock);
        SlaClock.Move(sla, TicketStatus.Pending, TicketStatus.Open, created.AddHours(3), clock);
        SlaClock.Schedule(sla, created, TimeSpan.FromHours(1), TimeSpan.FromHours(4), clock);

        Assert.Equal(TimeSpan.FromHours(2), sla.PausedTime);
        Assert.Null(sla.PausedSince);
        Assert.Equal(created.AddHours(6), sla.ResolutionDueAt);
        Assert.Equal(created + TimeSpan.FromMinutes(120 + 192), sla.ResolutionWarnAt);
    }

    [Fact]
    public void LeavingNewIsTheFirstResponse()
    {
        var sla = new TicketSla();
        var now = DateTimeOffset.UnixEpoch;

        SlaClock.Move(sla, TicketStatus.New, TicketStatus.Open, now, BusinessClock.AroundTheClock);

        Assert.Equal(now, sla.FirstRespondedAt);
    }

    [Fact]
    public void TriageSuggestsTheCategoryWithMostKeywordHitsAndTheHighestPriority()
    {
        var queue = Guid.NewGuid();
        CategoryKeywords[] categories = [new("hardware", null, ["printer", "monitor"]), new("network", queue, ["vpn", "wifi"])];
        PriorityKeyword[] rules = [new("outage", TicketPriority.Urgent), new("slow", TicketPriority.High)];

        var suggestion = Triage.Suggest("VPN outage, wifi slow", categories, rules);

        Assert.Equal(("network", queue, TicketPriority.Urgent), (suggestion.Category, suggestion.QueueId, suggestion.Priority));
    }

    [Fact]
    public void TriageMatchesWholeWordsOnly()
    {
        Assert.False(Triage.Mentions("please report this", "port"));
        Assert.True(Triage.Mentions("Port 22 blocked", "port"));
    }

    [Theory]
    [InlineData("30 minutes", 30)]
    [InlineData("4h", 240)]
    [InlineData("1.5 hours", 90)]
    [InlineData("2 days", 2880)]
    public void SlaDurationsAreReadInMinutesHoursAndDays(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), SetSlaPolicy.ParseDuration(text));
}
