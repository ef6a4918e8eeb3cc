using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Tests.Nlu;

/// <summary>Everyday ways of saying a command that the patterns read whole: a team change said of the person, a reply to an invitation, a role lowered.</summary>
public sealed class SaidAnotherWayTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<ToolRegistry> Tools = BuiltInTools.Registry;

    private static Reading? Read(string text) => UtteranceReader.Read(text, Tools.Value.All, Now);

    private static string? Slot(Reading? reading, string name) => reading?.Arguments[name]?.GetValue<string>();

    [Theory]
    [InlineData("leo should join the warehouse team", "add_team_member", "leo", "warehouse")]
    [InlineData("kim joins sales as of today", "add_team_member", "kim", "sales")]
    [InlineData("kim no longer belongs in sales", "remove_team_member", "kim", "sales")]
    public void ATeamChangeSaidOfThePersonIsRead(string text, string tool, string member, string team)
    {
        var reading = Read(text);

        Assert.Equal(tool, reading?.Tool.Name);
        Assert.Equal(member, Slot(reading, "member"));
        Assert.Equal(team, Slot(reading, "team"));
    }

    [Fact]
    public void LeavingTheCompanyIsNoTeamChange() =>
        Assert.NotEqual("remove_team_member", Read("greg left the company")?.Tool.Name);

    [Theory]
    [InlineData("tell them maybe for the quarterly review", "tentative", "the quarterly review")]
    [InlineData("put me down as a maybe for the town hall", "tentative", "the town hall")]
    [InlineData("count me out of the sales offsite", "declined", "the sales offsite")]
    [InlineData("tell them i cant make the team lunch", "declined", "the team lunch")]
    [InlineData("sure i'll come to the design sync", "accepted", "the design sync")]
    public void AReplyToAnInvitationIsRead(string text, string response, string @event)
    {
        var reading = Read(text);

        Assert.Equal("respond_to_event", reading?.Tool.Name);
        Assert.Equal(response, Slot(reading, "response"));
        Assert.Equal(@event, Slot(reading, "event"));
    }

    [Fact]
    public void DowngradingSomeoneChangesTheirRole()
    {
        var reading = Read("downgrade Farah to viewer");

        Assert.Equal("change_member_role", reading?.Tool.Name);
        Assert.Equal("viewer", Slot(reading, "role"));
    }
}
