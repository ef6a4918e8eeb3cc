using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Tests.Resilience;

public sealed class InFlightTurnsTests
{
    [Fact]
    public async Task DrainingWaitsForTheLastTurnInFlight()
    {
        using var turns = new InFlightTurns();
        var first = turns.Enter();
        var second = turns.Enter();

        var drain = turns.DrainAsync(CancellationToken.None);
        first.Dispose();
        Assert.False(drain.IsCompleted);
        second.Dispose();

        Assert.True(await drain.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(turns.IsDraining);
        Assert.False(turns.Abandoned.IsCancellationRequested);
    }

    [Fact]
    public async Task ATurnStillRunningAtTheDeadlineIsAbandoned()
    {
        using var turns = new InFlightTurns();
        using var running = turns.Enter();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.False(await turns.DrainAsync(deadline.Token));
        Assert.True(turns.Abandoned.IsCancellationRequested);
    }

    [Fact]
    public async Task DrainingAnIdleReplicaReturnsAtOnceAndDisposingALeaseTwiceCountsOnce()
    {
        using var turns = new InFlightTurns();
        var lease = turns.Enter();
        lease.Dispose();
        lease.Dispose();

        Assert.Equal(0, turns.Count);
        Assert.True(await turns.DrainAsync(CancellationToken.None));
    }
}
