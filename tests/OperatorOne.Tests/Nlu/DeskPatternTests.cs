using OperatorOne.Skills.ServiceDesk;

namespace OperatorOne.Tests.Nlu;

/// <summary>Ticket, service-desk, admin and integration sentences the tools' own patterns read whole, in the order people say them.</summary>
public sealed class DeskPatternTests
{
    [Fact]
    public void EachSlaTargetNamedBeforeItsTimeIsThatTarget()
    {
        var (tool, slots) = ToolPatterns.Match("update the sla for high tickets: response time 1 hour and resolution within 8 hours");

        Assert.Equal("set_sla_policy", tool);
        Assert.Equal(("high", "1 hour", "8 hours"), (slots["priority"], slots["firstResponse"], slots["resolution"]));
    }

    [Fact]
    public void BusinessHoursSaidInWordsAreTheHours()
    {
        var (tool, slots) = ToolPatterns.Match("change our office hours to eight through six");

        Assert.Equal("set_business_hours", tool);
        Assert.Equal(("eight", "six"), (slots["opens"], slots["closes"]));
    }

    [Fact]
    public void AnHourInWordsClosingBeforeItOpensIsInTheAfternoon()
    {
        var open = SetBusinessHours.ParseTime("eight")!.Value;

        Assert.Equal(new TimeOnly(18, 0), SetBusinessHours.Afternoon(open, SetBusinessHours.ParseTime("six")!.Value, "six"));
    }

    [Fact]
    public void ARuleWrittenAsAMappingIsTheKeywordAndPriority()
    {
        var (tool, slots) = ToolPatterns.Match("new priority rule: word outage => urgent");

        Assert.Equal("add_priority_rule", tool);
        Assert.Equal(("outage", "urgent"), (slots["keyword"], slots["priority"]));
    }

    [Fact]
    public void WebhookEventsBeforeTheArrowAreTheEvents()
    {
        var (tool, slots) = ToolPatterns.Match("set up a webhook for ticket closed -> https://hooks.example.com/x");

        Assert.Equal("subscribe_webhook", tool);
        Assert.Equal(("ticket closed", "https://hooks.example.com/x"), (slots["events"], slots["url"]));
    }

    [Fact]
    public void TheToolNamedFirstTakesTheExample()
    {
        var (tool, slots) = ToolPatterns.Match("on the tool stock_check, add the phrasing: is {sku} in stock");

        Assert.Equal("describe_custom_tool", tool);
        Assert.Equal(("stock_check", "is {sku} in stock"), (slots["tool"], slots["phrasing"]));
    }

    [Fact]
    public void SomeoneWhoLeftIsWhomHerOrHimMeans()
    {
        var (tool, slots) = ToolPatterns.Match("Bram has left the business, please deactivate him");

        Assert.Equal("remove_member", tool);
        Assert.Equal("Bram", slots["member"]);
    }

    [Theory]
    [InlineData("what should i tackle next")]
    [InlineData("is there anything waiting in my support queue")]
    [InlineData("list my queue, soonest first")]
    public void AskingForTheNextWorkIsMyQueue(string text) => Assert.Equal("my_queue", ToolPatterns.Tool(text));

    [Theory]
    [InlineData("bring up tix 88 with its history", "show_ticket")]
    [InlineData("any news on 64? the manager is asking", "show_ticket")]
    [InlineData("completely delete ticket 51 and all its comments", "delete_ticket")]
    public void TixAndARemarkAfterTheRequestStillNameTheTicket(string text, string tool)
    {
        var (found, slots) = ToolPatterns.Match(text);

        Assert.Equal(tool, found);
        Assert.Matches(@"^#?\d+$", slots["number"]);
    }

    [Fact]
    public void APriorityChangeKeepsItsReasonOutOfThePriority()
    {
        var (tool, slots) = ToolPatterns.Match("prio on ticket 9 -> high, the CEO is waiting");

        Assert.Equal("change_ticket_priority", tool);
        Assert.Equal(("9", "high"), (slots["number"], slots["priority"]));
    }

    [Theory]
    [InlineData("ticket 40's subject is wrong, it should read \"Tills offline in Cork\"", "title", "Tills offline in Cork")]
    [InlineData("fix 41: the details should say only the night shift is affected", "description", "only the night shift is affected")]
    [InlineData("update the description of #42 to: fails on every second login", "description", "fails on every second login")]
    public void TheFieldNamedThenWhatItShouldBeIsTheEdit(string text, string field, string value)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal("edit_ticket", tool);
        Assert.Equal(value, slots[field]);
    }

    [Theory]
    [InlineData("for ticket 70, let the requester know the courier comes monday", "the courier comes monday")]
    [InlineData("reply to 71 saying \"could you restart the router?\"", "could you restart the router?")]
    public void WhoAReplyIsForAndItsQuotesAreNotItsText(string text, string comment) =>
        Assert.Equal(comment, ToolPatterns.Match(text).Slots["text"]);

    [Fact]
    public void AStaffOnlyNoteIsInternalWithoutThoseWords()
    {
        var (tool, slots) = ToolPatterns.Match("staff only note on tix 72: supplier confirmed the fault");

        Assert.Equal("comment_on_ticket", tool);
        Assert.Equal(("72", "supplier confirmed the fault", "true"), (slots["number"], slots["text"], slots["internal"]));
    }

    [Theory]
    [InlineData("get Priya on ticket 80, she set that printer up", "Priya")]
    [InlineData("hand ticket 81 to the Payroll queue", "Payroll")]
    [InlineData("ticket 82 should be assigned to Leo for now", "Leo")]
    public void TheAssigneeIsOnlyWhoOrWhichQueue(string text, string assignee)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal("assign_ticket", tool);
        Assert.Equal(assignee, slots["assignee"]);
    }

    [Theory]
    [InlineData("did anybody report the scanner jam? check the tickets", "the scanner jam")]
    [InlineData("find tix with label printer in them", "label printer")]
    public void TheSearchEndsBeforeWhereToLook(string text, string query)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal("search_tickets", tool);
        Assert.Equal(query, slots["query"]);
    }

    [Theory]
    [InlineData("high priority, before the audit: the safe won't lock. can you open a ticket", "the safe won't lock", "high")]
    [InlineData("urgent! the till printer is dead, raise a ticket asap", "the till printer is dead", "urgent")]
    [InlineData("the lift is stuck on floor 2. please log it as urgent", "lift is stuck on floor 2", "urgent")]
    public void APrioritySaidAroundTheProblemIsThePriority(string text, string title, string priority)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal("create_ticket", tool);
        Assert.Equal((title.Replace("the ", "", StringComparison.Ordinal), priority), (slots["title"].Replace("the ", "", StringComparison.Ordinal), slots["priority"]));
    }

    [Fact]
    public void AProblemThenTicketPleaseIsATicketAndItsKind()
    {
        var (tool, slots) = ToolPatterns.Match("printing problem: tray 3 feeds two sheets at once. ticket please");

        Assert.Equal("create_ticket", tool);
        Assert.Equal(("printing", "tray 3 feeds two sheets at once"), (slots["category"], slots["title"]));
    }

    [Fact]
    public void ATitleAndDetailsFormIsTheTitleAndDescription()
    {
        var (tool, slots) = ToolPatterns.Match("new ticket: subject: Badge won't scan; description: started after the reader was replaced");

        Assert.Equal("create_ticket", tool);
        Assert.Equal(("Badge won't scan", "started after the reader was replaced"), (slots["title"], slots["description"]));
    }

    [Fact]
    public void AnOpenTicketInAListIsNoProblemTold() => Assert.NotEqual("create_ticket", ToolPatterns.Tool("list every open ticket please"));

    [Fact]
    public void AProblemMayStartWithNew()
    {
        var (tool, slots) = ToolPatterns.Match("new starter needs a laptop, open a ticket please");

        Assert.Equal("create_ticket", tool);
        Assert.Equal("new starter needs a laptop", slots["title"]);
    }

    [Fact]
    public void AReopenKeepsItsReasonOutOfTheTicket()
    {
        var (tool, slots) = ToolPatterns.Match("reopen ticket 17, the fan is noisy again");

        Assert.Equal(("change_ticket_status", "17", "open"), (tool, slots["number"], slots["status"]));
    }

    [Fact]
    public void AQueueAskedAboutAsAQuestionIsThatQueue()
    {
        var (tool, slots) = ToolPatterns.Match("are there any unassigned tickets in the Returns queue");

        Assert.Equal(("list_queue_tickets", "Returns"), (tool, slots["queue"]));
    }

    [Fact]
    public void ACategorysQueueMayFollowAComma()
    {
        var (tool, slots) = ToolPatterns.Match("new category called hardware, queue Facilities, keywords desk, chair");

        Assert.Equal("add_ticket_category", tool);
        Assert.Equal(("hardware", "Facilities", "desk, chair"), (slots["name"], slots["queue"], slots["keywords"]));
    }

    [Fact]
    public void JoiningTheOrganizationIsNoName() =>
        Assert.False(ToolPatterns.Match("invite sam@example.org to join our workspace").Slots.ContainsKey("name"));

    [Fact]
    public void APhoneNumberConnectedToSomeoneIsTheirVoiceIdentity()
    {
        var (tool, slots) = ToolPatterns.Match("connect the number +44 20 7946 0958 to Ruth for phone calls");

        Assert.Equal("link_channel_identity", tool);
        Assert.Equal(("voice", "+44 20 7946 0958", "Ruth"), (slots["channel"], slots["externalId"], slots["member"]));
    }

    [Fact]
    public void TheWordMemberBeforeAHandleIsNoPartOfIt() =>
        Assert.Equal("ruth.b", ToolPatterns.Match("link slack id U02ABC to member ruth.b").Slots["member"]);

    [Fact]
    public void AboutToMissItsSlaIsBreachingToday() =>
        Assert.Equal("sla_breaching_today", ToolPatterns.Tool("which tickets are going to miss their sla by close of business"));

    [Fact]
    public void ADecisionAfterItsReasonIsTheDecision()
    {
        var (tool, slots) = ToolPatterns.Match("the quote matches the budget, so go ahead and approve request 31");

        Assert.Equal(("decide_approval", "approve", "31"), (tool, slots["decision"], slots["number"]));
    }

    [Theory]
    [InlineData("audit entries with type approval_refused", "approval_refused")]
    [InlineData("get the audit trail for all tool calls since monday", "tool_call")]
    public void AnAuditKindByNameOrInWordsIsTheKind(string text, string kind)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal(("show_audit_log", kind), (tool, slots["kind"]));
    }

    [Fact]
    public void PrioIsPriority()
    {
        var (tool, slots) = ToolPatterns.Match("log a high prio ticket: the alarm panel beeps");

        Assert.Equal("create_ticket", tool);
        Assert.Equal("high", slots["priority"]);
        Assert.False(slots.ContainsKey("category"));
    }

    [Theory]
    [InlineData("Nadia resigned on friday so take her off the bot", "remove_member", "Nadia")]
    [InlineData("remove tom from weekend cover", "remove_team_member", "tom")]
    [InlineData("Kitchen team: take off Rosa", "remove_team_member", "Rosa")]
    public void WhoLeavesTheOrganizationOrATeam(string text, string tool, string member)
    {
        var (found, slots) = ToolPatterns.Match(text);

        Assert.Equal((tool, member), (found, slots["member"]));
    }

    [Theory]
    [InlineData("which of my tix are still unresolved")]
    [InlineData("is there anything still open from me")]
    public void MyOwnOpenTicketsAreMine(string text) => Assert.Equal("list_my_tickets", ToolPatterns.Tool(text));

    [Theory]
    [InlineData("is there anything waiting on my sign-off")]
    [InlineData("list the approvals i have to decide on")]
    public void ASignOffIsAnApproval(string text) => Assert.Equal("list_pending_approvals", ToolPatterns.Tool(text));

    [Fact]
    public void ATicketOpenedByMistakeThenGetRidOfItIsADeletion() =>
        Assert.Equal("delete_ticket", ToolPatterns.Tool("ticket 58 was a duplicate, please bin it"));
}
