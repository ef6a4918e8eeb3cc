using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.WebChat;

/// <summary>
/// The outbox sends a row again when the replica that sent it died (or lost its claim while starved) before recording
/// it; the web chat must show that message once, under the id it got the first time.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class WebChatRepeatedSendTests(BotHost host)
{
    [Fact]
    public async Task ASendRepeatedUnderTheSameOutboxIdIsLoggedOnce()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");
        await chat.Send("help");
        var stored = await host.InOrganizationAsync(org.Id, db => db.Conversations.Where(c => c.Channel == "webchat").Select(c => c.Reference).SingleAsync());
        var reference = BotJson.Deserialize<ConversationReference>(stored);
        var sender = host.Services.GetServices<IChannelSender>().Single(s => s.Channel == "webchat");
        var key = $"op-{Random.Shared.NextInt64(1_000_000, long.MaxValue)}";
        var activity = reference.Address(Activity.Message("sent twice")) with { Id = key };

        var first = await sender.SendAsync(reference, activity, CancellationToken.None);
        var again = await sender.SendAsync(reference, activity, CancellationToken.None);

        var delivered = Assert.IsType<DeliveryResult.Delivered>(first);
        Assert.Equal(delivered, again);
        Assert.Equal(1, await host.InOrganizationAsync(org.Id, db => db.DirectLineActivities.CountAsync(a => a.ClientActivityId == key)));
    }
}
