using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Tests.Nlu;

/// <summary>What people say around a value that is not the value: a request after a problem, a list of people after a comma, the customer in a deal's name.</summary>
public sealed class SaidAroundTheSlotTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<ToolRegistry> Tools = BuiltInTools.Registry;

    private static IReadOnlyDictionary<string, string> Find(string tool, string text) =>
        SlotFinder.Find(Tools.Value.Find(tool)!, text, Now, TimeZoneInfo.Utc);

    [Theory]
    [InlineData("label printer in dispatch prints blank labels can someone open a ticket", "label printer in dispatch prints blank labels")]
    [InlineData("open a ticket the lift is stuck on floor 2, can someone look at it today", "the lift is stuck on floor 2")]
    [InlineData("ticket: the alarm panel beeps all night. please log it", "the alarm panel beeps all night")]
    public void ATicketTitleLeavesOutTheRequestSaidAfterTheProblem(string text, string title) =>
        Assert.Equal(title, Find("create_ticket", text)["title"]);

    [Fact]
    public void ATitleWhoseWordsOnlyLookLikeARequestKeepsThem() =>
        Assert.Equal("the plotter can print only in black", Find("create_ticket", "open a ticket: the plotter can print only in black")["title"]);

    [Fact]
    public void ThreeNamesSaidAfterACommaAreTheTeamsMembers() =>
        Assert.Equal("omar, jess and priti", Find("create_team", "start a Logistics team, members are omar, jess and priti")["members"]);

    [Theory]
    [InlineData("add a deal called roof repair for Harbour Hotels worth $9,000", "roof repair", "Harbour Hotels")]
    [InlineData("new deal for Kestrel Labs, lab fit-out, 12k", "lab fit-out", "Kestrel Labs")]
    public void TheCustomerNamedInADealsNameIsItsCompany(string text, string name, string company)
    {
        var slots = Find("add_deal", text);

        Assert.Equal(name, slots["name"]);
        Assert.Equal(company, slots["company"]);
    }

    [Theory]
    [InlineData("book a client lunch on friday at 12:30 in the boardroom", "client lunch")]
    [InlineData("schedule support sync every monday at 11", "support sync")]
    public void AnEventsTitleKeepsTheWordForWhatSortOfGatheringItIs(string text, string title) =>
        Assert.Equal(title, Find("create_event", text)["title"]);

    [Theory]
    [InlineData("deny approval 31")]
    [InlineData("refuse request 31, we have no budget")]
    public void DenyingARequestIsRejectingIt(string text) =>
        Assert.Equal("reject", Find("decide_approval", text)["decision"]);

    [Theory]
    [InlineData("when's hana free on thursday", "hana")]
    [InlineData("is leo free anytime next week", "leo")]
    public void TheQuestionAroundAPersonIsNotTheirName(string text, string members) =>
        Assert.Equal(members, Find("find_free_slot", text)["members"]);

    [Theory]
    [InlineData("hiya, my second monitor went dark and won't come back on. can you open a ticket", "my second monitor went dark and won't come back on")]
    [InlineData("Good morning! The label printer in dispatch won't feed. It shows a paper error. Could you create a ticket?", "label printer in dispatch won't feed")]
    public void AGreetingIsNoPartOfTheTitle(string text, string title) =>
        Assert.Equal(title, Find("create_ticket", text)["title"]);

    [Fact]
    public void TwoSentencesAroundARequestAreTitleAndDescriptionNotOneTitle()
    {
        var slots = Find("create_ticket", "the badge reader at the back door is dead. it beeps red for everyone. could you create a ticket");

        Assert.Equal("badge reader at the back door is dead", slots["title"]);
        Assert.Equal("it beeps red for everyone", slots["description"].TrimEnd('.'));
    }

    [Theory]
    [InlineData("open a tiket the fridge in the break room isnt cooling", "the fridge in the break room isnt cooling")]
    [InlineData("raise a ticket my docking station is dead, urgent", "my docking station is dead")]
    public void AProblemSaidStraightAfterTicketIsTheTitle(string text, string title) =>
        Assert.Equal(title, UtteranceReader.Read(text, Tools.Value.All, Now)?.Arguments["title"]?.GetValue<string>());

    [Fact]
    public void AMistypedKeywordBeforeAColonIsStillCorrected() =>
        Assert.Equal("create_ticket", UtteranceReader.Read("open a tikcet: scanner offline", Tools.Value.All, Now)?.Tool.Name);

    [Theory]
    [InlineData("can i see the travel policy", "travel policy")]
    [InlineData("i need the brand guide, open it", "brand guide")]
    public void TheWordADocumentsTitleEndsInStaysInIt(string text, string document) =>
        Assert.EndsWith(document, Find("open_document", text)["document"], StringComparison.Ordinal);

    [Fact]
    public void WhatIsLeftOfAnUnwantedValueIsNoValue() =>
        Assert.False(Find("update_company", "Kestrel Labs is now a partner, not a customer").ContainsKey("name"));

    [Theory]
    [InlineData("add a custom tool called fx_rate that GETs https://fx.example.com/rate/{pair}", "GET")]
    [InlineData("new custom tool named send_invoice, POST to https://billing.example.com/send", "POST")]
    public void AMethodWrittenInCapitalsIsTheToolsMethod(string text, string method) =>
        Assert.Equal(method, Find("add_custom_tool", text)["method"]);

    [Fact]
    public void OfTwoListsTakingTheSameWordTheOneNamedGetsIt() =>
        Assert.Equal("admin", Find("set_custom_tool_access", "set the minimum role of fx_rate to admin")["role"]);

    [Theory]
    [InlineData("set up a project kickoff with ada on friday at 2pm in meeting room 4", "meeting room 4")]
    [InlineData("book an interview with leo on monday at 10am in conference room B", "conference room B")]
    public void ARoomKeepsItsNumberOrLetter(string text, string location) =>
        Assert.Equal(location, Find("create_event", text)["location"]);

    [Fact]
    public void AFieldNamedAnywhereTakesTheWordsAfterItsLink()
    {
        var slots = Find("edit_ticket", "the title of ticket 21 should be Label printer offline");

        Assert.Equal("Label printer offline", slots["title"]);
        Assert.Equal("21", slots["number"]);
    }

    [Fact]
    public void WhatAFieldBelongsToIsReadApartFromItsValue() =>
        Assert.Equal("room 7", Find("edit_event", "change the location of the design review to room 7")["location"]);

    [Fact]
    public void AnAnswerToALaterQuestionIsNeverReadFromTheFirstSentence() =>
        Assert.False(Find("move_event", "reschedule the budget review with Priya to monday at 9am").ContainsKey("on_conflict"));

    [Theory]
    [InlineData("add an example to fx_rate: what is {pair} today", "what is {pair} today")]
    [InlineData("teach fx_rate the phrase convert {amount} to euro", "convert {amount} to euro")]
    [InlineData("people should be able to say rate for {pair} to use fx_rate", "rate for {pair}")]
    public void AnExampleSentenceWithoutQuotesIsTheWordsHoldingItsPlaceholder(string text, string phrasing) =>
        Assert.Equal(phrasing, Find("describe_custom_tool", text)["phrasing"]);

    [Fact]
    public void AnExampleSentenceIsNeverLeftOverWords() =>
        Assert.False(Find("describe_custom_tool", "update the description for fx_rate to Tells the rate between two currencies").ContainsKey("phrasing"));
}
