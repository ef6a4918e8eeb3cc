using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Tests.Nlu;

/// <summary>
/// Queue and team names among the organization's names ("IT" is a queue, "it" a pronoun), lists of people with the
/// commas speech leaves out, and lowercase names nobody here has, kept where they were said.
/// </summary>
public sealed class GroupAndListTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static readonly Gazetteer Names = new(
        members: ["Ada Admin", "Mia Member", "Max Miller", "Olivia Owner", "Victor Viewer"],
        companies: ["Acme"], people: ["Dana Lee"], deals: ["Acme renewal"], queues: ["IT", "Facilities"], teams: ["Support"]);

    private static readonly Lazy<ToolRegistry> Tools = BuiltInTools.Registry;

    private static string? Slot(string tool, string parameter, string text, Gazetteer? names) =>
        SlotFinder.Find(Tools.Value.Find(tool)!, text, Now, TimeZoneInfo.Utc, names).GetValueOrDefault(parameter);

    [Theory]
    [InlineData("assign it to IT", "IT")]
    [InlineData("move 4 to the it queue", "it")]
    [InlineData("it keeps crashing, route it to facilities", "facilities")]
    public void AQueueCalledByAnEverydayWordIsFoundOnlyWhereAQueueIsMeant(string text, string queue)
    {
        var found = Assert.Single(Names.Find(text, [NameKind.Queue]));
        Assert.Equal(queue, text.Substring(found.Start, found.Length));
    }

    [Theory]
    [InlineData("It is down again")]
    [InlineData("assign it to mia")]
    public void ThePronounItIsNoQueue(string text) => Assert.Empty(Names.Find(text, [NameKind.Queue, NameKind.Team]));

    [Theory]
    [InlineData("assign_ticket", "assignee", "assign it to IT", "IT")]
    [InlineData("assign_ticket", "assignee", "move ticket 4 to the IT queue", "IT")]
    [InlineData("assign_ticket", "assignee", "assign it to mia", "mia")]
    [InlineData("add_team_member", "team", "ada joins support as of today", "support")]
    public void QueueAndTeamNamesAreSlotValues(string tool, string parameter, string text, string value) =>
        Assert.Equal(value, Slot(tool, parameter, text, Names));

    [Theory]
    [InlineData("add_team_member", "member", "put ada max and mia in the support team", "ada, max and mia")]
    [InlineData("find_free_slot", "members", "when are ada max and olivia all free on friday", "ada, max and olivia")]
    [InlineData("create_team_calendar", "members", "make a Sales calendar with max mia and victor", "max, mia and victor")]
    [InlineData("find_free_slot", "members", "suggest a free time for ada, max and mia", "ada, max and mia")]
    [InlineData("find_free_slot", "members", "when are Ada and Max free", "Ada and Max")]
    public void NamesSaidOneAfterAnotherBecomeAList(string tool, string parameter, string text, string value)
    {
        Assert.Equal(value, Slot(tool, parameter, text, Names));
    }

    [Theory]
    [InlineData("assign_ticket", "assignee", "assign 3 to joanna", "joanna")]
    [InlineData("assign_ticket", "assignee", "give ticket 11 to kofi he knows the vpn", "kofi")]
    [InlineData("assign_ticket", "assignee", "hand 14 to pete mia is off today", "pete")]
    [InlineData("assign_ticket", "assignee", "assign 3 to joanna, mia knows her", "joanna")]
    [InlineData("remove_team_member", "member", "remove kofi from the support team", "kofi")]
    public void ALowercaseNameNobodyHasIsKeptWhereItWasSaid(string tool, string parameter, string text, string value) =>
        Assert.Equal(value, Slot(tool, parameter, text, Names));
}
