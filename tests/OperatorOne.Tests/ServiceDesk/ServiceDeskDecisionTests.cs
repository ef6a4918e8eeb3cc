using OperatorOne.Data.Tickets;
using OperatorOne.Skills.ServiceDesk;

namespace OperatorOne.Tests.ServiceDesk;

/// <summary>The service desk's decisions, taken out of the tools that query and save around them: no database here.</summary>
public sealed class ServiceDeskDecisionTests
{
    [Theory]
    [InlineData(TicketPriority.Low, TicketPriority.Normal)]
    [InlineData(TicketPriority.Normal, TicketPriority.High)]
    [InlineData(TicketPriority.High, TicketPriority.Urgent)]
    public void EscalatingRaisesAWorkedTicketOnePriority(TicketPriority from, TicketPriority to)
    {
        foreach (var status in new[] { TicketStatus.New, TicketStatus.Open, TicketStatus.Pending })
        {
            var decision = TicketEscalation.Decide(12, status, from);

            Assert.Equal(to, decision.To);
            Assert.Null(decision.Refusal);
        }
    }

    [Fact]
    public void AnUrgentTicketCannotBeEscalated()
    {
        var decision = TicketEscalation.Decide(12, TicketStatus.Open, TicketPriority.Urgent);

        Assert.Null(decision.To);
        Assert.Equal("Ticket #12 is already urgent, the highest priority.", decision.Refusal);
    }

    [Theory]
    [InlineData(TicketStatus.Resolved, "resolved")]
    [InlineData(TicketStatus.Closed, "closed")]
    public void AFinishedTicketIsReopenedBeforeItIsEscalated(TicketStatus status, string word)
    {
        // Finished outranks urgent: the reply says what to do, not that there is no higher priority.
        foreach (var priority in Enum.GetValues<TicketPriority>())
        {
            var decision = TicketEscalation.Decide(7, status, priority);

            Assert.Null(decision.To);
            Assert.Equal($"Ticket #7 is {word}; reopen it before escalating.", decision.Refusal);
        }
    }

    private static readonly Guid Network = Guid.NewGuid();
    private static readonly IReadOnlyList<CategoryKeywords> Categories =
        [new("network", Network, ["vpn", "wifi"]), new("hardware", null, ["printer"])];

    [Fact]
    public void TriageFillsTheCategoryTheRequesterLeftOpenAndItsQueue()
    {
        var suggestion = new TriageSuggestion("network", Network, null, ["vpn"]);

        var outcome = Triage.Apply(null, TicketPriority.Normal, suggestion, Categories);

        Assert.Equal("network", outcome.Category);
        Assert.Equal(Network, outcome.QueueId);
        Assert.Equal(TicketPriority.Normal, outcome.Priority);
        Assert.Equal(new[] { "category network" }, outcome.Applied);
    }

    [Fact]
    public void TriageKeepsTheRequestersCategoryButRoutesItToThatCategorysQueue()
    {
        var suggestion = new TriageSuggestion("hardware", null, null, ["printer"]);

        var outcome = Triage.Apply("Network", TicketPriority.Normal, suggestion, Categories);

        Assert.Equal("Network", outcome.Category);
        Assert.Equal(Network, outcome.QueueId);
        Assert.Empty(outcome.Applied);
    }

    [Fact]
    public void TriageRaisesButNeverLowersThePriority()
    {
        var raise = Triage.Apply("network", TicketPriority.Normal, new TriageSuggestion(null, null, TicketPriority.Urgent, ["outage"]), Categories);
        var lower = Triage.Apply("network", TicketPriority.High, new TriageSuggestion(null, null, TicketPriority.Low, ["typo"]), Categories);
        var same = Triage.Apply("network", TicketPriority.High, new TriageSuggestion(null, null, TicketPriority.High, ["down"]), Categories);

        Assert.Equal(TicketPriority.Urgent, raise.Priority);
        Assert.Equal(new[] { "urgent priority" }, raise.Applied);
        Assert.Equal(TicketPriority.High, lower.Priority);
        Assert.Empty(lower.Applied);
        Assert.Equal(TicketPriority.High, same.Priority);
        Assert.Empty(same.Applied);
    }

    [Fact]
    public void AnUnknownCategoryHasNoQueue()
    {
        var outcome = Triage.Apply("billing", TicketPriority.Low, new TriageSuggestion(null, null, null, []), Categories);

        Assert.Equal("billing", outcome.Category);
        Assert.Null(outcome.QueueId);
    }
}
