using OperatorOne.Data.Tickets;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Tests.Tickets;

public class TicketStatusRulesTests
{
    [Theory]
    [InlineData(TicketStatus.New, TicketStatus.Open)]
    [InlineData(TicketStatus.New, TicketStatus.Resolved)]
    [InlineData(TicketStatus.New, TicketStatus.Closed)]
    [InlineData(TicketStatus.Open, TicketStatus.Pending)]
    [InlineData(TicketStatus.Open, TicketStatus.Resolved)]
    [InlineData(TicketStatus.Open, TicketStatus.Closed)]
    [InlineData(TicketStatus.Pending, TicketStatus.Open)]
    [InlineData(TicketStatus.Pending, TicketStatus.Resolved)]
    [InlineData(TicketStatus.Pending, TicketStatus.Closed)]
    [InlineData(TicketStatus.Resolved, TicketStatus.Open)]
    [InlineData(TicketStatus.Resolved, TicketStatus.Closed)]
    [InlineData(TicketStatus.Closed, TicketStatus.Open)]
    public void TheseMovesAreAllowed(TicketStatus from, TicketStatus to) =>
        Assert.True(TicketStatusRules.Decide(12, from, to).Allowed);

    [Theory]
    [InlineData(TicketStatus.New, TicketStatus.Pending)]
    [InlineData(TicketStatus.Open, TicketStatus.New)]
    [InlineData(TicketStatus.Resolved, TicketStatus.Pending)]
    [InlineData(TicketStatus.Closed, TicketStatus.Resolved)]
    [InlineData(TicketStatus.Closed, TicketStatus.Pending)]
    [InlineData(TicketStatus.Closed, TicketStatus.New)]
    public void TheseMovesAreRefused(TicketStatus from, TicketStatus to) =>
        Assert.False(TicketStatusRules.Decide(12, from, to).Allowed);

    [Fact]
    public void ClosingANewTicketIsAllowed()
    {
        var decision = TicketStatusRules.Decide(12, TicketStatus.New, TicketStatus.Closed);

        Assert.True(decision.Allowed);
        Assert.Equal("Ticket #12 is now closed (it was new).", decision.Reply);
    }

    [Fact]
    public void ReopeningAClosedTicketSaysReopened()
    {
        var decision = TicketStatusRules.Decide(7, TicketStatus.Closed, TicketStatus.Open);

        Assert.True(decision.Allowed);
        Assert.Equal("Reopened ticket #7 (it was closed).", decision.Reply);
    }

    [Fact]
    public void MovingToTheSameStatusIsRefusedAndNamesTheNextStatuses()
    {
        var decision = TicketStatusRules.Decide(12, TicketStatus.Closed, TicketStatus.Closed);

        Assert.False(decision.Allowed);
        Assert.Equal("Ticket #12 is already closed. From closed it can move to open.", decision.Reply);
    }

    [Fact]
    public void ADisallowedMoveNamesEveryAllowedNextStatus()
    {
        var decision = TicketStatusRules.Decide(3, TicketStatus.New, TicketStatus.Pending);

        Assert.Equal("Ticket #3 can't go from new to pending. From new it can move to open, resolved or closed.", decision.Reply);
    }

    [Fact]
    public void NoStatusCanMoveBackToNew()
    {
        foreach (var from in Enum.GetValues<TicketStatus>())
        {
            Assert.DoesNotContain(TicketStatus.New, TicketStatusRules.AllowedFrom(from));
        }
    }

    [Fact]
    public void AssigningANewTicketOpensIt() =>
        Assert.Equal(TicketStatus.Open, TicketStatusRules.AfterAssignment(TicketStatus.New));

    [Theory]
    [InlineData(TicketStatus.Open)]
    [InlineData(TicketStatus.Pending)]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Closed)]
    public void AssigningATicketAlreadyTriagedKeepsItsStatus(TicketStatus status) =>
        Assert.Equal(status, TicketStatusRules.AfterAssignment(status));
}
