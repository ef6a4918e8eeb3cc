namespace OperatorOne.Tests.Nlu;

/// <summary>
/// Calendar rules chosen on dev5.tsv and dev6.tsv (branch nlu21cal): what is said around an event (whom it is with, a
/// reason after it, how it is asked for), lengths in words, a title named last, and the default kind left unsaid.
/// </summary>
public sealed class CalendarSaidAroundTests
{
    [Theory]
    [InlineData("drop the 1:1 with Chiara from my calendar", "cancel_event", "the 1:1 with Chiara")]
    [InlineData("accept the weekly sync with Olga", "respond_to_event", "weekly sync with Olga")]
    [InlineData("move the one to one with rahul to friday at 4pm", "move_event", "the one to one with rahul")]
    public void WhomAnEventIsWithIsPartOfIt(string text, string tool, string @event)
    {
        var (found, slots) = ToolPatterns.Match(text);

        Assert.Equal((tool, @event), (found, slots["event"]));
    }

    [Theory]
    [InlineData("say maybe to the offsite planning", "offsite planning")]
    [InlineData("decline the quarterly board prep", "quarterly board prep")]
    [InlineData("accept the onboarding session", "onboarding session")]
    public void PlanningPrepAndSessionsAreEvents(string text, string @event) =>
        Assert.Equal(@event, ToolPatterns.Match(text).Slots["event"]);

    [Theory]
    [InlineData("please call off the team lunch, Lars is sick", "cancel_event", "the team lunch")]
    [InlineData("cancel the vendor call - the supplier went bust", "cancel_event", "the vendor call")]
    [InlineData("need to move the vendor call to tomorrow 2pm, something came up", "move_event", "the vendor call")]
    public void AReasonAfterTheRequestIsNotTheEvent(string text, string tool, string @event)
    {
        var (found, slots) = ToolPatterns.Match(text);

        Assert.Equal((tool, @event), (found, slots["event"]));
    }

    [Fact]
    public void AnAndAfterTheEventIsNotAReason() =>
        Assert.Equal("true", ToolPatterns.Match("cancel the weekly review, and all the later ones in that series").Slots["series"]);

    [Theory]
    [InlineData("can we bring the supplier review forward by an hour", "an hour")]
    [InlineData("shift the team lunch fifteen minutes later", "fifteen minutes")]
    public void AShiftIsReadWhenAskedOrSaidInWords(string text, string by)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal(("move_event", by), (tool, slots["by"]));
    }

    [Fact]
    public void ATitleNamedLastEndsTheAttendees()
    {
        var slots = ToolPatterns.Match("set up a 1 hour meeting with Aisha and Bogdan on wednesday at 10am, title: supplier review").Slots;

        Assert.Equal(("Aisha and Bogdan", "on wednesday at 10am", "supplier review"), (slots["attendees"], slots["starts_at"], slots["title"]));
    }

    [Fact]
    public void AReminderTimeThenAColonGivesTheTitle()
    {
        var slots = ToolPatterns.Match("I need a reminder on Friday 9am: send payslips").Slots;

        Assert.Equal(("on Friday 9am", "send payslips", "reminder"), (slots["starts_at"], slots["title"], slots["kind"]));
    }

    [Fact]
    public void AMeetingIsTheDefaultKindAndNotASlot() =>
        Assert.False(ToolPatterns.Match("book a meeting with ravi on wednesday at 3pm about the supplier contract").Slots.ContainsKey("kind"));

    [Fact]
    public void StartingADateIsWhenACampaignStarts()
    {
        var slots = ToolPatterns.Match("put the spring campaign on the Marketing calendar starting 2 March").Slots;

        Assert.Equal(("Marketing", "2 March"), (slots["calendar"], slots["starts_at"]));
    }

    [Theory]
    [InlineData("update the agenda for the board prep to finance update then hiring", "notes", "finance update then hiring")]
    [InlineData("clear the location on event 9", "location", "none")]
    public void AnEventsFieldIsSetOrCleared(string text, string field, string value)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal(("edit_event", value), (tool, slots[field]));
    }

    [Theory]
    [InlineData("I've moved to Singapore, change my timezone", "Singapore")]
    [InlineData("my time zone should be nairobi", "nairobi")]
    [InlineData("i moved to America/Chicago", "America/Chicago")]
    public void AMoveOrAWishNamesTheZone(string text, string zone)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal(("set_time_zone", zone), (tool, slots["zone"]));
    }

    [Fact]
    public void HoursForAMemberAreHisAndSaidInWords()
    {
        var slots = ToolPatterns.Match("change the working hours for rahul to nine to three monday to friday").Slots;

        Assert.Equal(("rahul", "nine to three monday to friday"), (slots["member"], slots["hours"]));
    }

    [Fact]
    public void TheAskAfterTheHoursIsNotPartOfThem() =>
        Assert.Equal("7:30-15:30 Mon-Thu", ToolPatterns.Match("from this week I work 7:30-15:30 Mon-Thu, update my hours").Slots["hours"]);

    [Theory]
    [InlineData("send me an .ics of the offsite planning so I can add it to my personal calendar", "the offsite planning")]
    [InlineData("can I get the supplier review as a .ics", "the supplier review")]
    public void AnIcsOfOneEventIsThatEvent(string text, string @event)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal(("export_calendar", @event), (tool, slots["event"]));
    }

    [Fact]
    public void TheNextMonthsAreTheExportsOwnSpan()
    {
        var (tool, slots) = ToolPatterns.Match("download my calendar for the next two months in iCal format");

        Assert.Equal("export_calendar", tool);
        Assert.Empty(slots);
    }

    [Fact]
    public void ALinkToAddMyCalendarToGoogleIsTheFeed() =>
        Assert.Equal("calendar_feed_link", ToolPatterns.Tool("send me the link to add my calendar to google calendar"));

    [Theory]
    [InlineData("find a window of 2 hours for Jun and Ines on Friday", "Jun and Ines", "2 hours")]
    [InlineData("find a common slot for 30 minutes with Max", "Max", "30 minutes")]
    public void ALengthOfTheWindowIsTheDuration(string text, string members, string duration)
    {
        var slots = ToolPatterns.Match(text).Slots;

        Assert.Equal((members, duration), (slots["members"], slots["duration"]));
    }

    [Fact]
    public void WhereSomeoneAndIAreFreeNamesThemNotMe() =>
        Assert.Equal("Noor", ToolPatterns.Match("Is there a 30 min window tomorrow where Noor and I are both free?").Slots["members"]);

    [Theory]
    [InlineData("create a shared calendar for the engineering team", "engineering")]
    [InlineData("make a shared team calendar for Warehouse", "Warehouse")]
    public void ATeamCalendarIsNamedWithoutTeamOrShared(string text, string name) =>
        Assert.Equal(name, ToolPatterns.Match(text).Slots["name"]);

    [Theory]
    [InlineData("book a meeting with hannah and raj on thursday the eighth at ten am about the stock count", "on thursday the eighth at ten am")]
    [InlineData("book a call with ines on friday at three thirty about the rebrand", "on friday at three thirty")]
    [InlineData("book a call with ines on the 15th at 2pm about the rebrand", "on the 15th at 2pm")]
    public void ASpokenOrOrdinalTimeIsWhenAndNotWhoOrWhere(string text, string when)
    {
        var slots = ToolPatterns.Match(text).Slots;

        Assert.Equal(when, slots["starts_at"]);
        Assert.False(slots.ContainsKey("location"));
        Assert.DoesNotContain(" on ", slots["attendees"], StringComparison.Ordinal);
    }

    [Fact]
    public void NotesAndALinkSaidLastEndTheAttendees()
    {
        var slots = ToolPatterns.Match("set up a vendor call with Ada on friday at 3pm, link https://meet.example.com/xyz, agenda: pricing and rollout").Slots;

        Assert.Equal(("Ada", "https://meet.example.com/xyz", "pricing and rollout"), (slots["attendees"], slots["location"], slots["notes"]));
    }

    [Theory]
    [InlineData("set up a one to one with rahul on friday at 11am", "one to one")]
    [InlineData("can we get a one on one with dana on monday at 3pm", "one on one")]
    public void AOneToOneAskedForIsBooked(string text, string title)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal(("create_event", title), (tool, slots["title"]));
    }

    [Fact]
    public void HowLongSomeoneIsThereIsNotTheZone() =>
        Assert.Equal("lisbon", ToolPatterns.Match("i'm in lisbon for the next two weeks, change my time zone").Slots["zone"]);

    [Fact]
    public void NowAfterTheHoursIsNotPartOfThem() =>
        Assert.Equal("8 to 4", ToolPatterns.Match("i work 8 to 4 now, please update my working hours").Slots["hours"]);

    [Fact]
    public void ALinkToSubscribeOnMyPhoneIsTheFeed() =>
        Assert.Equal("calendar_feed_link", ToolPatterns.Tool("give me a link to subscribe to my calendar on my phone"));

    [Fact]
    public void ForwardNeedsNoBy()
    {
        var slots = ToolPatterns.Match("can we pull the standup forward 15 minutes").Slots;

        Assert.Equal(("15 minutes", "true"), (slots["by"], slots["earlier"]));
    }

    [Theory]
    [InlineData("can you move my 11 oclock with bogdan to 2 pm", "my 11 oclock with bogdan")]
    [InlineData("cancel the 3pm call", "the 3pm call")]
    public void AnEventCanBeCalledByItsTime(string text, string @event) =>
        Assert.Equal(@event, ToolPatterns.Match(text).Slots["event"]);

    [Fact]
    public void WhenBeforeWhomStillBooksAMeeting()
    {
        var slots = ToolPatterns.Match("meeting friday 2pm with ada and li, title hiring plan").Slots;

        Assert.Equal(("friday 2pm", "ada and li", "hiring plan"), (slots["starts_at"], slots["attendees"], slots["title"]));
    }
}
