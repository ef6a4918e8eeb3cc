using OperatorOne.Bot.Core.Outbox;

namespace OperatorOne.Tests.Outbox;

public sealed class OutboxBackoffTests
{
    [Fact]
    public void BackoffDoublesWithEachAttemptUpToFiveMinutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), OutboxDelivery.Backoff(1, null));
        Assert.Equal(TimeSpan.FromSeconds(16), OutboxDelivery.Backoff(4, null));
        Assert.Equal(TimeSpan.FromMinutes(5), OutboxDelivery.Backoff(20, null));
    }

    [Fact]
    public void ALongerRetryAfterFromTheChannelWins()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxDelivery.Backoff(1, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(8), OutboxDelivery.Backoff(3, TimeSpan.FromSeconds(1)));
    }
}
