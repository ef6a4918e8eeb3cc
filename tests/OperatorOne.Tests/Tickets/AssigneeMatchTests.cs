using OperatorOne.Skills.Tickets;

namespace OperatorOne.Tests.Tickets;

public class AssigneeMatchTests
{
    private static readonly AssigneeCandidate Mia = new(Guid.NewGuid(), "Mia Wong", "mia");
    private static readonly AssigneeCandidate MiaB = new(Guid.NewGuid(), "Mia Brown", "mia.brown");
    private static readonly AssigneeCandidate Sam = new(Guid.NewGuid(), "Sam Patel", "sam");
    private static readonly AssigneeCandidate Samira = new(Guid.NewGuid(), "Samira Khan", "samira");

    private static readonly AssigneeCandidate[] Members = [Mia, MiaB, Sam, Samira];

    [Fact]
    public void AnExactHandleWinsOverOtherMembersWithTheSameFirstName() =>
        Assert.Equal(new AssigneeMatch.One(Mia), AssigneeMatch.Find("mia", null, Members));

    [Fact]
    public void AFullDisplayNameMatchesCaseInsensitively() =>
        Assert.Equal(new AssigneeMatch.One(MiaB), AssigneeMatch.Find("mia BROWN", null, Members));

    [Fact]
    public void AnAtSignBeforeAHandleIsIgnored() =>
        Assert.Equal(new AssigneeMatch.One(Sam), AssigneeMatch.Find("@sam", null, Members));

    [Fact]
    public void AFirstNameMatchesWhenOnlyOneMemberHasIt()
    {
        var samira = Samira with { Handle = "skhan" };

        Assert.Equal(new AssigneeMatch.One(samira), AssigneeMatch.Find("Samira", null, [Sam, samira]));
    }

    [Fact]
    public void AnAmbiguousFirstNameListsTheCandidates()
    {
        var match = AssigneeMatch.Find("mia", null, [Mia with { Handle = "mwong" }, MiaB]);

        var many = Assert.IsType<AssigneeMatch.Many>(match);
        Assert.Equal(2, many.Candidates.Count);
    }

    [Fact]
    public void APrefixMatchesWhenNothingCloserDoes() =>
        Assert.Equal(new AssigneeMatch.One(Samira), AssigneeMatch.Find("Sami", null, Members));

    [Fact]
    public void MeIsTheCaller() =>
        Assert.Equal(new AssigneeMatch.One(Sam), AssigneeMatch.Find("me", Sam.Id, Members));

    [Fact]
    public void MeIsUnknownForACallerWhoIsNotAMember() =>
        Assert.IsType<AssigneeMatch.Unknown>(AssigneeMatch.Find("me", null, Members));

    [Fact]
    public void NobodyMeansUnassign() =>
        Assert.IsType<AssigneeMatch.Nobody>(AssigneeMatch.Find("nobody", null, Members));

    [Fact]
    public void AnUnknownNameMatchesNoOne() =>
        Assert.IsType<AssigneeMatch.Unknown>(AssigneeMatch.Find("zoe", null, Members));
}
