using OperatorOne.Bot.Core.Work;

namespace OperatorOne.Tests.Outbox;

public sealed class OutboxBackoffTests
{
    [Fact]
    public void BackoffDoublesWithEachAttemptUpToFiveMinutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), Backoff.After(1, null));
        Assert.Equal(TimeSpan.FromSeconds(16), Backoff.After(4, null));
        Assert.Equal(TimeSpan.FromMinutes(5), Backoff.After(20, null));
    }

    [Fact]
    public void ALongerRetryAfterFromTheChannelWins()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Backoff.After(1, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(8), Backoff.After(3, TimeSpan.FromSeconds(1)));
    }
}
