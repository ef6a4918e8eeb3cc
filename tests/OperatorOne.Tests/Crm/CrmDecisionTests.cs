using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Data.Crm;
using OperatorOne.Skills.Crm;

namespace OperatorOne.Tests.Crm;

/// <summary>The CRM's pure decisions: parsing names, picking a match, asking which one, stage rules, sums.</summary>
public sealed class CrmDecisionTests
{
    private static readonly CrmRecord Lee = new(CrmRecordKind.Contact, Guid.NewGuid(), "Dana Lee", "Acme", null, 1.0);
    private static readonly CrmRecord Ortiz = new(CrmRecordKind.Contact, Guid.NewGuid(), "Dana Ortiz", "Globex", null, 1.0);

    [Theory]
    [InlineData("Dana from Acme", "Dana", "Acme")]
    [InlineData("Dana Lee at Acme Corp", "Dana Lee", "Acme Corp")]
    [InlineData("Dana Lee", "Dana Lee", null)]
    [InlineData(" \"Acme\" ", "Acme", null)]
    public void ANameIsSplitFromItsCompany(string text, string name, string? company) =>
        Assert.Equal(new CrmQuery(name, company), CrmQuery.Parse(text));

    [Fact]
    public void TwoEquallyGoodMatchesAreAskedAbout()
    {
        var match = CrmMatch.Decide(CrmQuery.Parse("Dana"), [Lee, Ortiz]);

        var many = Assert.IsType<CrmMatch.Many>(match);
        Assert.Equal("There are two Danas: Dana Lee at Acme or Dana Ortiz at Globex?", CrmText.WhichOne("dana", many.Candidates));
    }

    [Fact]
    public void AnExactNameWinsOverANamesake() =>
        Assert.Equal(Lee, Assert.IsType<CrmMatch.One>(CrmMatch.Decide(CrmQuery.Parse("dana lee"), [Lee, Ortiz with { Score = 0.6 }])).Record);

    [Fact]
    public void AClearlyBetterScoreWins() =>
        Assert.Equal(Ortiz, Assert.IsType<CrmMatch.One>(CrmMatch.Decide(CrmQuery.Parse("Ortiz"), [Lee with { Score = 0.5 }, Ortiz])).Record);

    [Fact]
    public void NoHitsIsNone() => Assert.IsType<CrmMatch.None>(CrmMatch.Decide(CrmQuery.Parse("Bob"), []));

    [Theory]
    [InlineData("the one at Globex", "Dana Ortiz at Globex")]
    [InlineData("2", "Dana Ortiz at Globex")]
    [InlineData("the first one", "Dana Lee at Acme")]
    [InlineData("Dana Lee", "Dana Lee at Acme")]
    [InlineData("dana lee at acme", "Dana Lee at Acme")]
    [InlineData("Dana", null)]
    [InlineData("Initech", null)]
    [InlineData("3", null)]
    public void AnAnswerPicksAnOfferedChoice(string answer, string? expected) =>
        Assert.Equal(expected, Choices.Pick(answer, ["Dana Lee at Acme", "Dana Ortiz at Globex"]));

    [Theory]
    [InlineData(LeadStage.New, LeadStage.Contacted, null)]
    [InlineData(LeadStage.Lost, LeadStage.New, null)]
    [InlineData(LeadStage.Qualified, LeadStage.Converted, "needs approval")]
    [InlineData(LeadStage.Converted, LeadStage.Lost, "already converted")]
    [InlineData(LeadStage.Contacted, LeadStage.Contacted, "already contacted")]
    public void LeadMovesFollowTheRules(LeadStage from, LeadStage to, string? problem)
    {
        var said = LeadStageRules.Problem("Jo", from, to);
        if (problem is null)
        {
            Assert.Null(said);
        }
        else
        {
            Assert.Contains(problem, said);
        }
    }

    [Fact]
    public void ThePipelineSumsDealsPerStageAndCurrency()
    {
        var text = PipelineSummary.Describe(
            new Dictionary<LeadStage, int> { [LeadStage.Qualified] = 2, [LeadStage.New] = 1 },
            [new(DealStage.Proposal, "USD", 1, 500m), new(DealStage.Proposal, "EUR", 2, 15_000.5m), new(DealStage.Won, "EUR", 1, 10m)]);

        Assert.Equal("Leads: new 1, qualified 2.\nDeals proposal: 3 deals, 15,000.5 EUR + 500 USD (weighted at 40%: 6,000.2 EUR + 200 USD).\n"
            + "Deals won: 1 deal, 10 EUR.\nOpen pipeline: 15,000.5 EUR + 500 USD; weighted forecast 6,000.2 EUR + 200 USD.", text);
    }

    [Fact]
    public void ThisMonthIsTheCallersMonthNotUtcs()
    {
        var now = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), MyDealsClosing.Month(now, "UTC"));
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), MyDealsClosing.Month(now, "Europe/Berlin"));
    }
}
