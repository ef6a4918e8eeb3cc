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
    [InlineData("open a ticket the lift is stuck on floor 2, can someone look at it today", "lift is stuck on floor 2")]
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
}
