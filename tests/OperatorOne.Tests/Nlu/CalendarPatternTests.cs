namespace OperatorOne.Tests.Nlu;

/// <summary>Calendar sentences the tools' own patterns read whole: event numbers, every later occurrence, titles and places.</summary>
public sealed class CalendarPatternTests
{
    [Fact]
    public void MyEventByNumberIsTheEventNotAClash()
    {
        var (tool, slots) = ToolPatterns.Match("move my event 3 to monday at 9am");

        Assert.Equal("move_event", tool);
        Assert.Equal("my event 3", slots["event"]);
        Assert.False(slots.ContainsKey("on_conflict"));
    }

    [Theory]
    [InlineData("cancel the tuesday sync and all the ones after it", "the tuesday sync")]
    [InlineData("scrap the monthly review for good", "the monthly review")]
    [InlineData("delete the team standup, every future one too", "the team standup")]
    public void SayingEveryLaterOneCancelsTheSeries(string text, string @event)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal("cancel_event", tool);
        Assert.Equal(@event, slots["event"]);
        Assert.Equal("true", slots["series"]);
    }

    [Fact]
    public void DecliningEveryFutureOneDeclinesTheSeries()
    {
        var (tool, slots) = ToolPatterns.Match("decline the friday standup, all future ones too");

        Assert.Equal("respond_to_event", tool);
        Assert.Equal(("friday standup", "declined", "true"), (slots["event"], slots["response"], slots["series"]));
    }

    [Fact]
    public void CallingSomethingOffCancelsIt()
    {
        var (tool, slots) = ToolPatterns.Match("please call off the chat with Omar");

        Assert.Equal("cancel_event", tool);
        Assert.Equal("the chat with Omar", slots["event"]);
    }

    [Theory]
    [InlineData("book the design meeting on 3 March at 11:00 for 1 hour", "design meeting")]
    [InlineData("set up a vendor call with Ada tomorrow at 4pm", "vendor call")]
    public void AMeetingOrCallKeepsItsNounInTheTitle(string text, string title) =>
        Assert.Equal(title, ToolPatterns.Match(text).Slots["title"]);

    [Fact]
    public void ARecurringKindOfMeetingStillTakesItsSubject()
    {
        var slots = ToolPatterns.Match("schedule a one hour review with omar and lin on monday at 10 am about hiring").Slots;

        Assert.Equal(("omar and lin", "on monday at 10 am", "hiring"), (slots["attendees"], slots["starts_at"], slots["title"]));
    }

    [Fact]
    public void AtANameAfterTheTimeIsWhere()
    {
        var slots = ToolPatterns.Match("could you book coffee with Dana on Friday 9:30 at Bean There").Slots;

        Assert.Equal(("Dana", "on Friday 9:30", "Bean There"), (slots["attendees"], slots["starts_at"], slots["location"]));
    }

    [Fact]
    public void InMyCalendarIsNotATeamCalendar() =>
        Assert.False(ToolPatterns.Match("put a budget meeting in my calendar friday at 2pm").Slots.ContainsKey("calendar"));

    [Fact]
    public void WSlashIsWith() =>
        Assert.Equal("Tom", ToolPatterns.Match("book a call w/ Tom on friday at 4pm").Slots["attendees"]);

    [Fact]
    public void ARemindersTimeNeedsNoForOrAt()
    {
        var slots = ToolPatterns.Match("set a reminder friday at 9am to renew the domain").Slots;

        Assert.Equal(("friday at 9am", "renew the domain"), (slots["starts_at"], slots["title"]));
    }

    [Fact]
    public void AKindOnACalendarThenAColonGivesTheTitle()
    {
        var (tool, slots) = ToolPatterns.Match("add a deadline on the Finance calendar: payroll cut-off, 28 January 3pm");

        Assert.Equal("create_event", tool);
        Assert.Equal(("deadline", "Finance", "payroll cut-off", "28 January 3pm"), (slots["kind"], slots["calendar"], slots["title"], slots["starts_at"]));
    }
}
