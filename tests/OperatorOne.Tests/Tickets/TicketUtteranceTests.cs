using OperatorOne.Bot.Core.Tools;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Tests.Tickets;

public class TicketUtteranceTests
{
    private static ToolCall Recognize(string text) => TicketPhrasebook.Understand(text);

    [Fact]
    public void OpenATicketWithAColonTakesTheRestAsTitle()
    {
        var call = Recognize("open a ticket: printer on floor 2 is jammed");

        Assert.Equal("create_ticket", call.Tool);
        Assert.Equal("printer on floor 2 is jammed", call.StringArgument("title"));
        Assert.Null(call.StringArgument("priority"));
    }

    [Fact]
    public void NewTicketAboutVpnHighPrioritySplitsTitleAndPriority()
    {
        var call = Recognize("new ticket about VPN, high priority");

        Assert.Equal("create_ticket", call.Tool);
        Assert.Equal("VPN", call.StringArgument("title"));
        Assert.Equal("high", call.StringArgument("priority"), ignoreCase: true);
    }

    [Fact]
    public void CreateATicketForTakesTheTitleAfterFor()
    {
        var call = Recognize("create a ticket for broken monitor");

        Assert.Equal("create_ticket", call.Tool);
        Assert.Equal("broken monitor", call.StringArgument("title"));
    }

    [Fact]
    public void LogAnUrgentTicketSetsUrgentPriority()
    {
        var call = Recognize("log an urgent ticket: server room is flooding");

        Assert.Equal("create_ticket", call.Tool);
        Assert.Equal("server room is flooding", call.StringArgument("title"));
        Assert.Equal("urgent", call.StringArgument("priority"), ignoreCase: true);
    }

    [Theory]
    [InlineData("raise a ticket")]
    [InlineData("open a ticket")]
    [InlineData("I want to report a problem")]
    public void AskingForATicketWithoutATitleLeavesTheTitleToThePrompt(string text)
    {
        var call = Recognize(text);

        Assert.Equal("create_ticket", call.Tool);
        Assert.Null(call.StringArgument("title"));
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
        Assert.Equal(title, call.StringArgument("title"));
        Assert.Equal(priority, call.StringArgument("priority"), ignoreCase: true);
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
    public void AskingAboutATicketShowsIt(string text)
    {
        var call = Recognize(text);

        Assert.Equal("show_ticket", call.Tool);
        Assert.Equal(12, call.IntArgument("number"));
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
        Assert.Equal(12, call.IntArgument("number"));
        Assert.Equal(status, call.StringArgument("status"), ignoreCase: true);
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
        Assert.Equal(12, call.IntArgument("number"));
        Assert.Equal(assignee, call.StringArgument("assignee"));
    }

    [Fact]
    public void CommentOnTicketTakesTheTextAfterTheColon()
    {
        var call = Recognize("comment on 12: rebooted it");

        Assert.Equal("comment_on_ticket", call.Tool);
        Assert.Equal(12, call.IntArgument("number"));
        Assert.Equal("rebooted it", call.StringArgument("text"));
        Assert.Null(call.StringArgument("internal"));
    }

    [Fact]
    public void AnInternalNoteIsMarkedInternal()
    {
        var call = Recognize("add an internal note to #12: user is on leave until Monday");

        Assert.Equal("comment_on_ticket", call.Tool);
        Assert.Equal(12, call.IntArgument("number"));
        Assert.Equal("user is on leave until Monday", call.StringArgument("text"));
        Assert.True(call.Arguments["internal"]!.GetValue<bool>());
    }

    [Fact]
    public void ACommentWithoutTextLeavesTheTextToThePrompt()
    {
        var call = Recognize("add a comment to ticket 12");

        Assert.Equal("comment_on_ticket", call.Tool);
        Assert.Null(call.StringArgument("text"));
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
        Assert.Equal(12, call.IntArgument("number"));
    }

    [Theory]
    [InlineData("open ticket 12")]
    [InlineData("hello there")]
    [InlineData("what's the weather")]
    public void PhrasesThatAreNotClearlyTicketActionsMatchNothingOrNotCreate(string text) =>
        Assert.NotEqual("create_ticket", TicketPhrasebook.Read(text)?.Tool);

    [Theory]
    [InlineData("delete a ticket", "delete_ticket")]
    [InlineData("close the ticket", "change_ticket_status")]
    [InlineData("what's the status of my ticket", "show_ticket")]
    [InlineData("add a comment to a ticket", "comment_on_ticket")]
    public void NamingNoNumberStillPicksTheToolSoTheNumberIsAskedFor(string text, string tool)
    {
        var call = Recognize(text);

        Assert.Equal(tool, call.Tool);
        Assert.Null(call.IntArgument("number"));
        Assert.True(TicketPhrasebook.Tool(tool).Definition.Prompts.ContainsKey("number"));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("#12")]
    [InlineData("printer on floor 2 is jammed")]
    [InlineData("rebooted it")]
    [InlineData("mia")]
    [InlineData("pending")]
    public void AnswersToTicketQuestionsAreNotReadAsNewCommands(string answer) =>
        Assert.Null(TicketPhrasebook.Read(answer));

    [Fact]
    public void EveryHelpExampleIsUnderstoodByItsOwnTool()
    {
        foreach (var tool in TicketsSkill.Tools)
        {
            Assert.NotNull(tool.HelpExample);
            Assert.Equal(tool.Name, Recognize(tool.HelpExample).Tool);
        }
    }

    [Theory]
    [InlineData("open a ticket: scanner at the front desk not working, priority high", "scanner at the front desk not working", "high", null)]
    [InlineData("log a ticket saying the lab fridge is warm make it urgent", "the lab fridge is warm", "urgent", null)]
    [InlineData("create a ticket badge printer in hall c jams priority low", "badge printer in hall c jams", "low", null)]
    [InlineData("pls raise a tix - shared drive is read only, category storage", "shared drive is read only", null, "storage")]
    [InlineData("new ticket the lift in block d is stuck", "the lift in block d is stuck", null, null)]
    public void AttributesSaidAfterTheProblemStayOutOfTheTitle(string text, string title, string? priority, string? category)
    {
        var call = Recognize(text);

        Assert.Equal("create_ticket", call.Tool);
        Assert.Equal(title, call.StringArgument("title"));
        Assert.Equal(priority, call.StringArgument("priority")?.ToLowerInvariant());
        Assert.Equal(category, call.StringArgument("category"));
    }

    [Theory]
    [InlineData("retitle 41 as Scanner drivers missing", 41, "Scanner drivers missing")]
    [InlineData("correct the subject of ticket 8 to Kiosk screen frozen", 8, "Kiosk screen frozen")]
    [InlineData("fix the title on #12 please, should read 'Door alarm faulty'", 12, "Door alarm faulty")]
    public void ATitleFixedWithOtherWordsStillReadsTheNewTitle(string text, int number, string title)
    {
        var call = Recognize(text);

        Assert.Equal("edit_ticket", call.Tool);
        Assert.Equal(number, call.IntArgument("number"));
        Assert.Equal(title, call.StringArgument("title"));
    }

    [Fact]
    public void AlreadyAfterWhatIsSearchedForIsNoPartOfIt() =>
        Assert.Equal("the payroll export", Recognize("is there a ticket about the payroll export already").StringArgument("query"));
}
