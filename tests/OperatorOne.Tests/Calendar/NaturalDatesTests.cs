using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Tests.Calendar;

/// <summary>Dates as people type them, read on the speaker's wall clock; "now" is Monday 2 March 2026, 10:00 UTC.</summary>
public sealed class NaturalDatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Theory]
    [InlineData("next tuesday at 3pm", "2026-03-03T15:00:00+01:00")]
    [InlineData("tomorrow morning", "2026-03-03T09:00:00+01:00")]
    [InlineData("in 2 hours", "2026-03-02T13:00:00+01:00")]
    [InlineData("friday 9:30", "2026-03-06T09:30:00+01:00")]
    [InlineData("on 3 March at 14:00", "2026-03-03T14:00:00+01:00")]
    [InlineData("3pm tomorrow", "2026-03-03T15:00:00+01:00")]
    [InlineData("march 10th at 11am", "2026-03-10T11:00:00+01:00")]
    [InlineData("today at noon", "2026-03-02T12:00:00+01:00")]
    [InlineData("2026-03-04 16:30", "2026-03-04T16:30:00+01:00")]
    [InlineData("2026-03-04T16:30:00Z", "2026-03-04T16:30:00+00:00")]
    public void PhrasesAreReadInBerlin(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), NaturalDates.Parse(text, Now, Berlin));

    [Fact]
    public void TheSameWordsMeanDifferentInstantsInDifferentZones()
    {
        var berlin = NaturalDates.Parse("tomorrow at 3pm", Now, Berlin);
        var newYork = NaturalDates.Parse("tomorrow at 3pm", Now, NewYork);
        var tokyo = NaturalDates.Parse("tomorrow at 3pm", Now, Tokyo);

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 14, 0, 0, TimeSpan.Zero), berlin);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 20, 0, 0, TimeSpan.Zero), newYork);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 6, 0, 0, TimeSpan.Zero), tokyo);
    }

    [Fact]
    public void TodayAndTomorrowFollowTheLocalDateNotTheUtcDate()
    {
        // 10:00 UTC on Monday is already 19:00 Monday in Tokyo, but 05:00 in New York: "tomorrow" is Tuesday in both.
        var lateUtc = new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 3, 4), DateOnly.FromDateTime(NaturalDates.Parse("tomorrow at 9am", lateUtc, Tokyo)!.Value.DateTime));
        Assert.Equal(new DateOnly(2026, 3, 3), DateOnly.FromDateTime(NaturalDates.Parse("tomorrow at 9am", lateUtc, NewYork)!.Value.DateTime));
    }

    [Fact]
    public void AWallClockTimeAcrossADstChangeKeepsItsLocalHour()
    {
        // New York moves to EDT on Sunday 8 March 2026: 9am on Friday is UTC-5, 9am on the next Monday UTC-4.
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 14, 0, 0, TimeSpan.Zero), NaturalDates.Parse("friday 9am", Now, NewYork));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero), NaturalDates.Parse("next monday 9am", Now, NewYork));
        // 2:30am on 8 March does not exist there; it moves past the gap.
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero), NaturalDates.Parse("8 march at 2:30am", Now, NewYork));
    }

    [Fact]
    public void NextWeekdayOnThatWeekdayIsAWeekAwayAndAPastTimeTodayRollsOver()
    {
        Assert.Equal(new DateOnly(2026, 3, 9), DateOnly.FromDateTime(NaturalDates.Parse("next monday", Now, Berlin)!.Value.DateTime));
        Assert.Equal(new DateOnly(2026, 3, 9), DateOnly.FromDateTime(NaturalDates.Parse("monday 8am", Now, Berlin)!.Value.DateTime));
        Assert.Equal(new DateOnly(2026, 3, 2), DateOnly.FromDateTime(NaturalDates.Parse("monday 4pm", Now, Berlin)!.Value.DateTime));
    }

    [Fact]
    public void ADateAlreadyPastThisYearMeansNextYear() =>
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.FromHours(1)), NaturalDates.Parse("15 january", Now, Berlin));

    [Theory]
    [InlineData("tomorrow at 3pm", "2026-03-03T15:00:00+00:00")]
    [InlineData("today", "2026-03-02T09:00:00+00:00")]
    [InlineData("in 30 minutes", "2026-03-02T10:30:00+00:00")]
    [InlineData("2026-12-01 14:00", "2026-12-01T14:00:00+00:00")]
    public void TheOriginalTwoArgumentFormStillReadsInTheOffsetOfNow(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), NaturalDates.Parse(text, Now));

    [Theory]
    [InlineData("whenever")]
    [InlineData("tomorrow at 25:00")]
    [InlineData("31 february")]
    [InlineData("the budget meeting")]
    public void WordsThatAreNoDateAreRefused(string text) => Assert.Null(NaturalDates.Parse(text, Now, Berlin));
}
