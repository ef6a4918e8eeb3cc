using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Tests.Nlu;

/// <summary>
/// Slot rules chosen on dev2.tsv (branch nlu16e): spoken ticket numbers, fillers before a title, names said before a
/// command or followed by a clause, closed lists at the start of a description, and doubtful whole-sentence patterns.
/// </summary>
public sealed class FreeWordOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static readonly Gazetteer Names = new(
        members: ["Ada Admin", "Mia Member", "Max Miller", "Olivia Owner", "Victor Viewer"],
        companies: ["Acme", "Globex", "Initech", "Staples"],
        people: ["Dana Lee", "Jo Park"],
        deals: ["Acme renewal", "Initech pilot"]);

    private static readonly Lazy<ToolRegistry> Tools = BuiltInTools.Registry;

    private static IReadOnlyDictionary<string, string> Find(string tool, string text, Gazetteer? names = null) =>
        SlotFinder.Find(Tools.Value.Find(tool)!, text, Now, TimeZoneInfo.Utc, names);

    private static Reading? Read(string text, Gazetteer? names = null) => UtteranceReader.Read(text, Tools.Value.All, Now, TimeZoneInfo.Utc, names);

    [Theory]
    [InlineData("close ticket eighteen", 18)]
    [InlineData("close ticket twenty one", 21)]
    [InlineData("close ticket forty-two", 42)]
    public void ATicketNumberSaidInWordsIsReadAsDigits(string text, int number) =>
        Assert.Equal(number, Read(text)?.Arguments["number"]?.GetValue<int>());

    [Fact]
    public void NumberWordsNotAfterWhatTheyNumberStayWords()
    {
        Assert.Equal("no one is on this one", SpokenNumbers.Digits("no one is on this one"));
        Assert.Equal("webhook 3 is on", SpokenNumbers.Digits("webhook three is on"));
    }

    [Theory]
    [InlineData("can you make a ticket for me my headset mic is not working", "my headset mic is not working")]
    [InlineData("um so the phone on my desk has no dial tone could you open a ticket for that", "the phone on my desk has no dial tone")]
    [InlineData("new starter laptop for Sam please open a ticket", "new starter laptop for Sam")]
    public void FillersBeforeATicketTitleAreDroppedAndWhatIsNewIsKept(string text, string title) =>
        Assert.Equal(title, Find("create_ticket", text)["title"]);

    [Fact]
    public void ACommentKeepsItsLastWordWhenItEndsTheClause() =>
        Assert.Equal("supplier is slow again", Find("comment_on_ticket", "internal note on 21 the supplier is slow again")["text"]);

    [Theory]
    [InlineData("sam should take ticket 22", "sam")]
    [InlineData("can ada take ticket 27", "ada")]
    public void TheMeThatTakeATicketImpliesIsWhoeverIsNamedBeforeIt(string text, string assignee) =>
        Assert.Equal(assignee, Find("assign_ticket", text)["assignee"]);

    [Fact]
    public void ReassigningFromOneKnownPersonToAnotherPicksTheOneItGoesTo() =>
        Assert.Equal("victor", Find("assign_ticket", "please reassign 12 from mia to victor", Names)["assignee"]);

    [Theory]
    [InlineData("kick sam out of the organization", "sam")]
    [InlineData("sam doesn't work here anymore remove him", "sam")]
    public void ALowercaseNameNobodyHereHasEndsWhereAVerbOrParticleBegins(string text, string member) =>
        Assert.Equal(member, Find("remove_member", text, Names)["member"]);

    [Fact]
    public void ACallGivenNoSubjectIsItsTitleAndAnArticleNeverIs()
    {
        Assert.Equal("call", Read("book a call with Max on friday at 10")?.Arguments["title"]?.GetValue<string>());
        Assert.Equal("hiring", Read("set up a call with Max tomorrow at 11am about hiring")?.Arguments["title"]?.GetValue<string>());
    }

    [Fact]
    public void WhoAnEventIsWithIsReadWhereverSaidAndLeavesTheTitle()
    {
        var slots = Find("create_event", "lunch with sam tomorrow 12:30");

        Assert.Equal("sam", slots["attendees"]);
        Assert.Equal("lunch", slots["title"]);
        Assert.Equal("mia", Find("create_event", "new meeting tomorrow 2pm with mia, topic budget")["attendees"]);
    }

    [Theory]
    [InlineData("add_company", "kind", "add Umbrella as a supplier", "vendor")]
    [InlineData("add_priority_rule", "keyword", "anything mentioning outage should be urgent", "outage")]
    [InlineData("create_queue", "name", "we need a new queue for HR", "HR")]
    public void AValueIsReadByWhatItsDescriptionListsAndWithoutItsLeadIn(string tool, string parameter, string text, string value) =>
        Assert.Equal(value, Find(tool, text)[parameter]);

    /// <summary>A pattern that put words naming no one where a name goes is doubtful, so the sentence model may overrule it.</summary>
    [Theory]
    [InlineData("look up someone who speaks german", true)]
    [InlineData("remove the stock_check tool", true)]
    [InlineData("find Dana Lee", false)]
    [InlineData("remove joanna", false)]
    [InlineData("remove mia", false)]
    public void APatternThatPutsWordsNamingNoOneWhereANameGoesIsDoubtful(string text, bool doubtful) =>
        Assert.Equal(doubtful, Read(text, Names)!.Doubtful);
}
