using OperatorOne.Skills.Tickets;

namespace OperatorOne.Tests.Tickets;

public class TicketUtteranceTests
{
    private readonly PatternRecognizer _recognizer = new(TicketsSkill.Tools);

    private Recognized Recognize(string text) =>
        _recognizer.Recognize(text) ?? throw new Xunit.Sdk.XunitException($"No tickets utterance matches \"{text}\".");

    [Fact]
    public void OpenATicketWithAColonTakesTheRestAsTitle()
    {
        var call = Recognize("open a ticket: printer on floor 2 is jammed");

        Assert.Equal("create_ticket", call.Tool);
        Assert.Equal("printer on floor 2 is jammed", call["title"]);
        Assert.Null(call["priority"]);
    }

    [Fact]
    public void NewTicketAboutVpnHighPrioritySplitsTitleAndPriority()
    {
        var call = Recognize("new ticket about VPN, high priority");

        Assert.Equal("create_ticket", call.Tool);
        Assert.Equal("VPN", call["title"]);
        Assert.Equal("high", call["priority"]);
    }

    [Fact]
    public void CreateATicketForTakesTheTitleAfterFor()
    {
        var call = Recognize("create a ticket for broken monitor");

        Assert.Equal("create_ticket", call.Tool);
        Assert.Equal("broken monitor", call["title"]);
    }

    [Fact]
    public void LogAnUrgentTicketSetsUrgentPriority()
    {
        var call = Recognize("log an urgent ticket: server room is flooding");

        Assert.Equal("create_ticket", call.Tool);
        Assert.Equal("server room is flooding", call["title"]);
        Assert.Equal("urgent", call["priority"]);
    }

    [Theory]
    [InlineData("raise a ticket")]
    [InlineData("open a ticket")]
    [InlineData("I want to report a problem")]
    public void AskingForATicketWithoutATitleLeavesTheTitleToThePrompt(string text)
    {
        var call = Recognize(text);

        Assert.Equal("create_ticket", call.Tool);
        Assert.Null(call["title"]);
        Assert.Equal("What's the problem? Give me a short title.", CreateTicket.Definition.Prompts["title"]);
    }

    [Theory]
    [InlineData("open a high priority ticket about the VPN", "the VPN", "high")]
    [InlineData("please create a new ticket: email is down, urgent", "email is down", "urgent")]
    [InlineData("I'd like to report a problem with the printer", "the printer", null)]
    public void OtherWaysOfOpeningATicketAreUnderstood(string text, string title, string? priority)
    {
        var call = Recognize(text);

        Assert.Equal("create_ticket", call.Tool);
        Assert.Equal(title, call["title"]);
        Assert.Equal(priority, call["priority"]);
    }

    [Theory]
    [InlineData("show my tickets")]
    [InlineData("my tickets")]
    [InlineData("list my open tickets")]
    [InlineData("what tickets are assigned to me")]
    public void MyTicketsListsMine(string text) => Assert.Equal("list_my_tickets", Recognize(text).Tool);

    [Theory]
    [InlineData("list open tickets")]
    [InlineData("open tickets")]
    [InlineData("show all open tickets")]
    [InlineData("which tickets are open")]
    public void OpenTicketsListsTheQueue(string text) => Assert.Equal("list_open_tickets", Recognize(text).Tool);

    [Theory]
    [InlineData("what's the status of #12")]
    [InlineData("What’s the status of ticket 12?")]
    [InlineData("status of ticket 12")]
    [InlineData("show ticket 12")]
    [InlineData("any update on #12")]
    [InlineData("ticket 12")]
    public void AskingAboutATicketShowsIt(string text)
    {
        var call = Recognize(text);

        Assert.Equal("show_ticket", call.Tool);
        Assert.Equal(12, call.Number);
    }

    [Theory]
    [InlineData("close ticket 12", "closed")]
    [InlineData("resolve #12", "resolved")]
    [InlineData("reopen 12", "open")]
    [InlineData("set 12 to pending", "pending")]
    [InlineData("mark ticket 12 as resolved", "resolved")]
    [InlineData("start working on 12", "open")]
    [InlineData("put ticket 12 on hold", "pending")]
    [InlineData("mark #12 as done", "resolved")]
    [InlineData("change the status of ticket 12 to closed", "closed")]
    public void StatusPhrasesChangeTheStatus(string text, string status)
    {
        var call = Recognize(text);

        Assert.Equal("change_ticket_status", call.Tool);
        Assert.Equal(12, call.Number);
        Assert.Equal(status, call["status"]);
    }

    [Theory]
    [InlineData("assign 12 to mia", "mia")]
    [InlineData("assign ticket #12 to Mia Wong", "Mia Wong")]
    [InlineData("give 12 to @sam", "@sam")]
    [InlineData("I'll take 12", "me")]
    [InlineData("unassign ticket 12", "nobody")]
    public void AssignPhrasesNameTheAssignee(string text, string assignee)
    {
        var call = Recognize(text);

        Assert.Equal("assign_ticket", call.Tool);
        Assert.Equal(12, call.Number);
        Assert.Equal(assignee, call["assignee"]);
    }

    [Fact]
    public void CommentOnTicketTakesTheTextAfterTheColon()
    {
        var call = Recognize("comment on 12: rebooted it");

        Assert.Equal("comment_on_ticket", call.Tool);
        Assert.Equal(12, call.Number);
        Assert.Equal("rebooted it", call["text"]);
        Assert.Null(call["internal"]);
    }

    [Fact]
    public void AnInternalNoteIsMarkedInternal()
    {
        var call = Recognize("add an internal note to #12: user is on leave until Monday");

        Assert.Equal("comment_on_ticket", call.Tool);
        Assert.Equal(12, call.Number);
        Assert.Equal("user is on leave until Monday", call["text"]);
        Assert.Equal("true", call["internal"]);
    }

    [Fact]
    public void ACommentWithoutTextLeavesTheTextToThePrompt()
    {
        var call = Recognize("add a comment to ticket 12");

        Assert.Equal("comment_on_ticket", call.Tool);
        Assert.Null(call["text"]);
    }

    [Fact]
    public void AnUpdateWithTextIsACommentButAQuestionAboutUpdatesIsNot()
    {
        Assert.Equal("comment_on_ticket", Recognize("update 12: replaced the toner").Tool);
        Assert.Equal("show_ticket", Recognize("any update on 12").Tool);
    }

    [Theory]
    [InlineData("delete ticket 12")]
    [InlineData("remove #12")]
    public void DeletePhrasesDeleteTheTicket(string text)
    {
        var call = Recognize(text);

        Assert.Equal("delete_ticket", call.Tool);
        Assert.Equal(12, call.Number);
    }

    [Theory]
    [InlineData("open ticket 12")]
    [InlineData("hello there")]
    [InlineData("what's the weather")]
    public void PhrasesThatAreNotClearlyTicketActionsMatchNothingOrNotCreate(string text) =>
        Assert.NotEqual("create_ticket", _recognizer.Recognize(text)?.Tool);

    [Fact]
    public void EveryHelpExampleIsUnderstoodByItsOwnTool()
    {
        foreach (var tool in TicketsSkill.Tools)
        {
            Assert.NotNull(tool.HelpExample);
            Assert.Equal(tool.Name, Recognize(tool.HelpExample).Tool);
        }
    }
}
