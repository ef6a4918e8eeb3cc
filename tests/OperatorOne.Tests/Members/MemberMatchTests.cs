using OperatorOne.Bot.Core.Members;

namespace OperatorOne.Tests.Members;

public class MemberMatchTests
{
    private static readonly MemberCandidate Mia = new(Guid.NewGuid(), "Mia Wong", "mia");
    private static readonly MemberCandidate MiaB = new(Guid.NewGuid(), "Mia Brown", "mia.brown");
    private static readonly MemberCandidate Sam = new(Guid.NewGuid(), "Sam Patel", "sam");
    private static readonly MemberCandidate Samira = new(Guid.NewGuid(), "Samira Khan", "samira");

    private static readonly MemberCandidate[] Members = [Mia, MiaB, Sam, Samira];

    [Fact]
    public void AnExactHandleWinsOverOtherMembersWithTheSameFirstName() =>
        Assert.Equal(new MemberMatch.One(Mia), MemberMatch.Find("mia", null, Members));

    [Fact]
    public void AFullDisplayNameMatchesCaseInsensitively() =>
        Assert.Equal(new MemberMatch.One(MiaB), MemberMatch.Find("mia BROWN", null, Members));

    [Fact]
    public void AnAtSignBeforeAHandleIsIgnored() =>
        Assert.Equal(new MemberMatch.One(Sam), MemberMatch.Find("@sam", null, Members));

    [Fact]
    public void AFirstNameMatchesWhenOnlyOneMemberHasIt()
    {
        var samira = Samira with { Handle = "skhan" };

        Assert.Equal(new MemberMatch.One(samira), MemberMatch.Find("Samira", null, [Sam, samira]));
    }

    [Fact]
    public void AnAmbiguousFirstNameListsTheCandidates()
    {
        var match = MemberMatch.Find("mia", null, [Mia with { Handle = "mwong" }, MiaB]);

        var many = Assert.IsType<MemberMatch.Many>(match);
        Assert.Equal(2, many.Candidates.Count);
    }

    [Fact]
    public void APrefixMatchesWhenNothingCloserDoes() =>
        Assert.Equal(new MemberMatch.One(Samira), MemberMatch.Find("Sami", null, Members));

    [Fact]
    public void MeIsTheCaller() =>
        Assert.Equal(new MemberMatch.One(Sam), MemberMatch.Find("me", Sam.Id, Members));

    [Fact]
    public void MeIsUnknownForACallerWhoIsNotAMember() =>
        Assert.IsType<MemberMatch.Unknown>(MemberMatch.Find("me", null, Members));

    [Fact]
    public void NobodyMeansUnassign() =>
        Assert.IsType<MemberMatch.Nobody>(MemberMatch.Find("nobody", null, Members));

    [Fact]
    public void AnUnknownNameMatchesNoOne() =>
        Assert.IsType<MemberMatch.Unknown>(MemberMatch.Find("zoe", null, Members));
}
