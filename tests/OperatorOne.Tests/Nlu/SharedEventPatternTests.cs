namespace OperatorOne.Tests.Nlu;

/// <summary>
/// Someone else's event is moved or cancelled by the shared tools only when the sentence says so (its organizer, the word
/// "shared", its attendees told); a day said as a possessive is no part of an event's title; an invitation is answered
/// without naming its event; working hours put back, or said of someone before the ask.
/// </summary>
public sealed class SharedEventPatternTests
{
    [Theory]
    [InlineData("move shared event 8 to monday at 9am", "8")]
    [InlineData("push event 14 to wednesday at 4pm and let all the invitees know", "14")]
    [InlineData("reschedule event 6 for all participants to friday at noon", "6")]
    [InlineData("bump lenas event 21 to tomorrow at 3pm", "21")]
    [InlineData("shift event 30 organised by Omar to thursday at 10am, then email everyone", "30")]
    public void SayingWhoseEventItIsMovesTheSharedEvent(string text, string number)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal("move_shared_event", tool);
        Assert.Equal(number, slots["number"]);
        Assert.True(slots.ContainsKey("starts_at"));
    }

    [Theory]
    [InlineData("delete event 17 and tell everybody invited", "17", false)]
    [InlineData("drop the team event 4 off the shared calendar", "4", false)]
    [InlineData("cancel Priya's recurring event 12 and every later one, and notify the attendees", "12", true)]
    public void SayingWhoseEventItIsCancelsTheSharedEvent(string text, string number, bool series)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal("cancel_shared_event", tool);
        Assert.Equal(number, slots["number"]);
        Assert.Equal(series, slots.ContainsKey("series"));
    }

    [Theory]
    [InlineData("move event 12 to friday at 10am", "move_event")]
    [InlineData("cancel event 9", "cancel_event")]
    public void AnEventWithNothingSaidOfItsOwnerStaysTheCallers(string text, string tool)
    {
        Assert.Equal(tool, ToolPatterns.Tool(text));
    }

    [Theory]
    [InlineData("scrap wednesday's retro", "cancel_event", "retro")]
    [InlineData("drop tomorrow's budget meeting", "cancel_event", "budget meeting")]
    [InlineData("count me as maybe for next friday's offsite", "respond_to_event", "offsite")]
    public void ADayOwningTheEventIsNoPartOfItsTitle(string text, string tool, string @event)
    {
        var (found, slots) = ToolPatterns.Match(text);

        Assert.Equal(tool, found);
        Assert.Equal(@event, slots["event"]);
    }

    [Theory]
    [InlineData("accept the invitation from Tomas Berg", "accepted")]
    [InlineData("please decline that meeting request", "declined")]
    [InlineData("tentative to the quarterly review", "tentative")]
    [InlineData("i will not be able to make the supplier demo", "declined")]
    public void AnInvitationIsAnsweredInPlainWords(string text, string response)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal("respond_to_event", tool);
        Assert.Equal(response, slots["response"]);
    }

    [Theory]
    [InlineData("switch my office hours back to normal")]
    [InlineData("please take my work hours back")]
    public void WorkingHoursPutBackAreTheDefault(string text)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal("set_working_hours", tool);
        Assert.Equal("default", slots["hours"]);
    }

    [Fact]
    public void SomeonesHoursSaidBeforeTheAskAreTheirs()
    {
        var (tool, slots) = ToolPatterns.Match("Ines works 7:30-15:30 mon-thu, could you save that as her working hours");

        Assert.Equal("set_working_hours", tool);
        Assert.Equal("Ines", slots["member"]);
        Assert.Equal("7:30-15:30 mon-thu", slots["hours"]);
    }
}
