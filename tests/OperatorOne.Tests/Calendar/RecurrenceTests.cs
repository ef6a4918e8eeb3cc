using OperatorOne.Skills.Calendar;

namespace OperatorOne.Tests.Calendar;

/// <summary>The pure part of recurring events: the words read as a rule, and the rule expanded to starts.</summary>
public sealed class RecurrenceTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Monday 5 January 2026, 10:00 UTC.</summary>
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void EveryWeekdaySkipsTheWeekendAndStopsAfterItsCount()
    {
        var starts = new Recurrence(Frequency.Weekdays, 1, 7, null).Expand(Utc(1, 8, 9, 30), TimeZoneInfo.Utc);

        Assert.Equal([Utc(1, 8, 9, 30), Utc(1, 9, 9, 30), Utc(1, 12, 9, 30), Utc(1, 13, 9, 30), Utc(1, 14, 9, 30), Utc(1, 15, 9, 30), Utc(1, 16, 9, 30)], starts);
    }

    [Fact]
    public void EveryOtherWeekUntilADateIncludesThatDate()
    {
        var starts = new Recurrence(Frequency.Weekly, 2, null, new DateOnly(2026, 2, 2)).Expand(Utc(1, 5, 11), TimeZoneInfo.Utc);

        Assert.Equal([Utc(1, 5, 11), Utc(1, 19, 11), Utc(2, 2, 11)], starts);
    }

    [Fact]
    public void AMonthlyEventOnThe31stSkipsMonthsWithoutOne()
    {
        var starts = new Recurrence(Frequency.Monthly, 1, 3, null).Expand(Utc(1, 31, 15), TimeZoneInfo.Utc);

        Assert.Equal([Utc(1, 31, 15), Utc(3, 31, 15), Utc(5, 31, 15)], starts);
    }

    [Fact]
    public void OccurrencesKeepTheirWallClockTimeAcrossADaylightSavingChange()
    {
        // Berlin moves from UTC+1 to UTC+2 on 29 March 2026: 09:00 local is 08:00 UTC before and 07:00 UTC after.
        var starts = new Recurrence(Frequency.Weekly, 1, 2, null).Expand(new DateTimeOffset(2026, 3, 23, 9, 0, 0, TimeSpan.FromHours(1)), Berlin);

        Assert.Equal([Utc(3, 23, 8), Utc(3, 30, 7)], starts.Select(s => s.ToUniversalTime()));
    }

    [Theory]
    [InlineData("every weekday", "10 times", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=10", 10)]
    [InlineData("daily", "for 2 weeks", "FREQ=DAILY;UNTIL=20260118", 14)]
    [InlineData("every other week", "6 times", "FREQ=WEEKLY;INTERVAL=2;COUNT=6", 6)]
    [InlineData("fortnightly", "4 times", "FREQ=WEEKLY;INTERVAL=2;COUNT=4", 4)]
    [InlineData("every month", "for 3 months", "FREQ=MONTHLY;UNTIL=20260404", 3)]
    [InlineData("every 3 days", "until 14 january", "FREQ=DAILY;INTERVAL=3;UNTIL=20260114", 4)]
    public void TheWordsBecomeARuleWithItsOccurrences(string repeats, string ends, string rule, int count)
    {
        var (plan, problem) = RecurrenceWords.Read(repeats, ends, Utc(1, 5, 15), Now, TimeZoneInfo.Utc);

        Assert.Null(problem);
        Assert.Equal(rule, plan!.Rule.Rule);
        Assert.Equal(count, plan.Rule.Expand(plan.First, TimeZoneInfo.Utc).Count);
    }

    [Fact]
    public void EveryThursdayMovesTheFirstStartToTheComingThursday()
    {
        var (plan, _) = RecurrenceWords.Read("every Thursday", "for 6 weeks", Utc(1, 5, 16), Now, TimeZoneInfo.Utc);

        var starts = plan!.Rule.Expand(plan.First, TimeZoneInfo.Utc);
        Assert.Equal(Utc(1, 8, 16), starts[0]);
        Assert.Equal(6, starts.Count);
        Assert.All(starts, s => Assert.Equal(DayOfWeek.Thursday, s.DayOfWeek));
    }

    [Theory]
    [InlineData("every blue moon", "10 times", "how \"every blue moon\" repeats")]
    [InlineData("every day", null, "How long should it repeat")]
    [InlineData("every day", "forever", "when \"forever\" ends")]
    [InlineData("every day", "until 2026-01-02", "before it starts")]
    [InlineData("every day", "400 times", "at most 260")]
    [InlineData("every day", "0 times", "How many times")]
    public void AnUnreadableOrEndlessSeriesIsRefusedWithTheReason(string repeats, string? ends, string reason)
    {
        var (plan, problem) = RecurrenceWords.Read(repeats, ends, Utc(1, 5, 15), Now, TimeZoneInfo.Utc);

        Assert.Null(plan);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
