using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Channels.Slack;

namespace OperatorOne.Tests.Slack;

public sealed class SlackApiResultTests
{
    private static DeliveryResult Map(string error) => new SlackApiResult(false, error, []).ToDelivery(_ => "");

    [Fact]
    public void RateLimitsAreRetriedAfterSlacksRetryAfter()
    {
        var result = SlackApiResult.Failed("ratelimited", transient: true, TimeSpan.FromSeconds(42)).ToDelivery(_ => "");

        Assert.Equal(TimeSpan.FromSeconds(42), Assert.IsType<DeliveryResult.RetryLater>(result).After);
    }

    [Theory]
    [InlineData("not_in_channel")]
    [InlineData("channel_not_found")]
    [InlineData("is_archived")]
    public void ChannelErrorsAreUndeliverableAndMarkTheConversationStale(string error) =>
        Assert.True(Assert.IsType<DeliveryResult.Undeliverable>(Map(error)).StaleConversation);

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("account_inactive")]
    [InlineData("token_revoked")]
    [InlineData("invalid_blocks")]
    public void TokenAndPayloadErrorsAreUndeliverableButTheConversationStays(string error)
    {
        var result = Assert.IsType<DeliveryResult.Undeliverable>(Map(error));
        Assert.False(result.StaleConversation);
        Assert.Contains(error, result.Reason);
    }

    [Fact]
    public void OutagesAreRetried() =>
        Assert.IsType<DeliveryResult.RetryLater>(SlackApiResult.Failed("http_503", transient: true).ToDelivery(_ => ""));

    [Fact]
    public void SuccessCarriesTheMessageId() =>
        Assert.Equal("C1:1.2", Assert.IsType<DeliveryResult.Delivered>(
            new SlackApiResult(true, null, new JsonObject { ["channel"] = "C1", ["ts"] = "1.2" })
                .ToDelivery(r => SlackAddress.MessageId(r.String("channel")!, r.String("ts")!))).ActivityId);
}
