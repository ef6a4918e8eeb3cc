using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Tests.Turns;

/// <summary>The replica's turn slots: how many, and who gets a freed one (whoever waited longest, never a newcomer).</summary>
public sealed class TurnAdmissionTests
{
    [Theory]
    [InlineData(100, 75)]
    [InlineData(20, 15)]
    [InlineData(12, 8)]
    [InlineData(5, 1)]
    [InlineData(1, 1)]
    public void TheDefaultLimitLeavesAReserveOfThePoolForStoringAndSettling(int poolSize, int limit) =>
        Assert.Equal(limit, TurnAdmission.ForPool(poolSize));

    [Fact]
    public async Task TurnsPastTheLimitWaitAndAFreedSlotGoesToTheLongestWaiting()
    {
        var admission = new TurnAdmission(2);
        var first = await admission.EnterAsync(CancellationToken.None);
        var second = await admission.EnterAsync(CancellationToken.None);
        var third = admission.EnterAsync(CancellationToken.None);
        var fourth = admission.EnterAsync(CancellationToken.None);

        Assert.False(third.IsCompleted);
        Assert.Equal(2, admission.Waiting);

        first.Dispose();
        var late = admission.EnterAsync(CancellationToken.None);
        var thirdSlot = await third.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(fourth.IsCompleted);
        Assert.False(late.IsCompleted);

        second.Dispose();
        await fourth.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(late.IsCompleted);
        Assert.Equal(2, admission.Running);

        thirdSlot.Dispose();
        thirdSlot.Dispose();
        await late.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, admission.Running);
        Assert.Equal(0, admission.Waiting);
    }

    [Fact]
    public async Task AWaiterThatGivesUpIsPassedOverAndKeepsNoSlot()
    {
        var admission = new TurnAdmission(1);
        var running = await admission.EnterAsync(CancellationToken.None);
        using var abandoned = new CancellationTokenSource();
        var givesUp = admission.EnterAsync(abandoned.Token);
        var next = admission.EnterAsync(CancellationToken.None);

        await abandoned.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givesUp);
        running.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();

        Assert.Equal(0, admission.Running);
        (await admission.EnterAsync(CancellationToken.None)).Dispose();
    }
}
