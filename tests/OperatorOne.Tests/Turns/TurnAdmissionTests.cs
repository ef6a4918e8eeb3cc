using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// The replica's turn slots: how many, who gets a freed one (whoever waited longest, never a newcomer), and what a turn
/// waiting outside (on a model, a business's endpoint) gives up meanwhile: its share of the working turns, not its connection.
/// </summary>
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

    [Fact]
    public async Task ATurnWaitingOutsideLetsAnotherWorkAndWorksAgainBeforeANewcomer()
    {
        var admission = new TurnAdmission(3, workingLimit: 1);
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = admission.RunAsync(async () =>
        {
            var said = await TurnAdmission.AwayAsync(() =>
            {
                asked.SetResult();
                return answer.Task;
            });
            order.Enqueue("first");
            return said;
        }, CancellationToken.None);
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The only working slot is free while the first waits outside: a second turn works.
        var working = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = admission.RunAsync(async () =>
        {
            working.SetResult();
            return await finish.Task;
        }, CancellationToken.None);
        await working.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, admission.Running);

        // The answer comes while the second works: the first waits to work again, and goes before a turn arriving now.
        answer.SetResult("answered");
        await SlowTurns.SlowTurnFixture.Until(() => admission.Waiting == 1, "the first turn to wait to work again");
        var third = admission.RunAsync(() =>
        {
            order.Enqueue("third");
            return Task.FromResult("third");
        }, CancellationToken.None);
        Assert.Equal(2, admission.Waiting);
        Assert.False(first.IsCompleted);

        finish.SetResult("second");
        Assert.Equal("second", await second.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("answered", await first.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("third", await third.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(["first", "third"], order);
        Assert.Equal(0, admission.Running);
        Assert.Equal(0, admission.Waiting);
    }

    [Fact]
    public async Task ATurnWaitingOutsideKeepsItsConnectionSlot()
    {
        var admission = new TurnAdmission(2, workingLimit: 2);
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var away = admission.RunAsync(() => TurnAdmission.AwayAsync(() =>
        {
            asked.SetResult();
            return answer.Task;
        }), CancellationToken.None);
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var working = await admission.EnterAsync(CancellationToken.None);

        // One turn works and one waits outside: a working slot is free, but both hold a connection, so a third waits.
        var third = admission.EnterAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);
        Assert.Equal(1, admission.Waiting);

        answer.SetResult(true);
        await away.WaitAsync(TimeSpan.FromSeconds(30));
        (await third.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        working.Dispose();
        Assert.Equal(0, admission.Running);
    }

    [Fact]
    public async Task AWaitOutsideOfAnyTurnIsJustAWait() =>
        Assert.Equal(7, await TurnAdmission.AwayAsync(() => Task.FromResult(7)));
}
