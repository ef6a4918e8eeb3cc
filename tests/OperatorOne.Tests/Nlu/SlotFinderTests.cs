using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Tests.Nlu;

/// <summary>Slots wherever they stand once the tool is known: reordered clauses, spans, typed values, the words left over.</summary>
public sealed class SlotFinderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<ToolRegistry> Tools = BuiltInTools.Registry;

    private static IReadOnlyDictionary<string, string> Find(string tool, string text) =>
        SlotFinder.Find(Tools.Value.Find(tool)!, text, Now, TimeZoneInfo.Utc);

    [Theory]
    [InlineData("my monitor flickers please open a ticket", "my monitor flickers")]
    [InlineData("Open a ticket, my monitor flickers.", "my monitor flickers")]
    [InlineData("my monitor flickers, open a ticket", "my monitor flickers")]
    public void ATicketTitleIsFoundBeforeOrAfterTheCommandWithOrWithoutPunctuation(string text, string title) =>
        Assert.Equal(title, Find("create_ticket", text)["title"]);

    /// <summary>A name in a free sentence keeps its capitalized words (joined by "from", "of") and drops its neighbours.</summary>
    [Theory]
    [InlineData("convert_lead", "lead", "turn the Initech lead into a customer", "Initech")]
    [InlineData("move_lead", "lead", "we got in touch with Initech, mark them contacted", "Initech")]
    [InlineData("move_lead", "lead", "Priya Shah from Globex is qualified", "Priya Shah from Globex")]
    public void ANameInAFreeSentenceIsBoundedByItsCapitals(string tool, string parameter, string text, string value) =>
        Assert.Equal(value, Find(tool, text)[parameter]);

    /// <summary>Emails, URLs and snake_case names have a shape of their own: found anywhere, never swallowed into free text.</summary>
    [Theory]
    [InlineData("invite_member", "email", "so ravi.patel@example.com is joining, get him in as a member", "ravi.patel@example.com")]
    [InlineData("subscribe_webhook", "url", "https://hooks.example.com/in should get ticket created events", "https://hooks.example.com/in")]
    [InlineData("remove_custom_tool", "tool", "we never use order_status, drop it", "order_status")]
    public void ValuesWithAShapeOfTheirOwnAreFoundWhereverTheyStand(string tool, string parameter, string text, string value) =>
        Assert.Equal(value, Find(tool, text)[parameter]);

    /// <summary>Yes/no parameters are switched on by their everyday words wherever they stand.</summary>
    [Theory]
    [InlineData("resume_webhook", "pause", "put webhook 14 on pause")]
    [InlineData("webhook_deliveries", "failed_only", "any failing deliveries for webhook 9")]
    public void AYesNoSlotIsSwitchedOnByItsWords(string tool, string parameter, string text) =>
        Assert.Equal("true", Find(tool, text)[parameter]);

    [Fact]
    public void AWordThatOnlyDescribesTheStateDoesNotSwitchAYesNoSlot() =>
        Assert.False(Find("resume_webhook", "unpause webhook 6").ContainsKey("pause"));

    /// <summary>Two values apart: the last one said wins (people correct themselves); overlapping: the longest wording.</summary>
    [Theory]
    [InlineData("ticket 31 isn't urgent after all, make it normal", "normal")]
    [InlineData("ticket 31 is not urgent", "low")]
    public void OfTwoPrioritiesTheLastSaidWinsAndTheLongestWordingWhereTheyOverlap(string text, string priority) =>
        Assert.Equal(priority, TypedSlots.Enum(["low", "normal", "high", "urgent"], text)!.Value);

    [Fact]
    public void TwoChannelsNamedAreBothWhereBothIsAChoice() =>
        Assert.Equal("both", TypedSlots.Enum(["chat", "email", "both"], "notices to email and chat")!.Value);

    [Theory]
    [InlineData("add_custom_tool", "name", "please add an api tool named parcel_eta with https://x.example.com/eta/{id}", "parcel_eta")]
    [InlineData("move_lead", "lead", "move the Wonka lead to qualified", "Wonka")]
    [InlineData("convert_lead", "lead", "convert lead Wonka please", "Wonka")]
    public void ANameIsCleanedOfTheWordsAroundIt(string tool, string parameter, string text, string value) =>
        Assert.Equal(value, Find(tool, text)[parameter]);

    [Fact]
    public void ATicketTitleKeepsItsLeadInWords() =>
        Assert.Equal("see the attached error about the VPN", TypedSlots.Tidy(Tools.Value.Find("create_ticket")!, "title", "see the attached error about the VPN"));

    [Fact]
    public void AStatusWordAndANumberAreFoundWhereverTheyStand()
    {
        var slots = Find("change_ticket_status", "put ticket 12 on hold, waiting on the customer");

        Assert.Equal("12", slots["number"]);
        Assert.Equal("pending", slots["status"]);
    }

    [Fact]
    public void AnEnumWordAndTheNameLeftOverFillALeadMove()
    {
        var slots = Find("move_lead", "the Soylent lead is lost");

        Assert.Equal("lost", slots["stage"]);
        Assert.Equal("Soylent", slots["lead"]);
    }

    [Fact]
    public void ADateInTheMiddleOfASentenceIsRead()
    {
        var arguments = SentenceReader.Arguments(Tools.Value.Find("create_event")!, "set up a meeting with Ada tomorrow at 3pm about the roadmap", Now, TimeZoneInfo.Utc);

        Assert.Equal("2026-01-06T15:00:00.0000000+00:00", arguments["starts_at"]?.GetValue<string>());
    }

    [Fact]
    public void TwoClockTimesFillOpeningAndClosingInOrder()
    {
        var slots = Find("set_business_hours", "we're open 9am to 5pm on weekdays");

        Assert.Equal("9am", slots["opens"]);
        Assert.Equal("5pm", slots["closes"]);
        Assert.Equal("weekdays", slots["days"]);
    }

    [Fact]
    public void ANumberNextToMinutesIsADurationNotADate()
    {
        var slots = Find("move_event", "can we do event 7 30 minutes later");

        Assert.Equal("30 minutes", slots["by"]);
        Assert.Equal("event 7", slots["event"]);
        Assert.False(slots.ContainsKey("to"));
    }

    [Fact]
    public void AClauseThatIsOnlyAPronounNamesNobody()
    {
        var slots = Find("remove_member", "mia is leaving, remove her");

        Assert.NotEqual("her", slots.GetValueOrDefault("member"));
    }
}
