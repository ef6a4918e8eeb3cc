using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// The limits stay exact when many turns count at once, each on its own connection as separate replicas would: with a
/// limit of N, exactly N of them are allowed, whatever the interleaving. The window is fixed by a clock of the test's own.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class RateLimitTests(BotHost host)
{
    private static readonly DateTimeOffset Minute = new(2026, 3, 2, 9, 15, 20, TimeSpan.Zero);

    [Fact]
    public async Task ThirtyTurnsAtOnceAgainstAnOrganizationLimitOfTwelveAllowExactlyTwelve()
    {
        var org = await TestOrganization.CreateAsync(host);
        var limits = Limits(perUser: 1000, perOrganization: 12);

        var allowed = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => CountAsync(limits, org, $"user-{i}", $"delivery-{Guid.NewGuid():N}")));

        Assert.Equal(12, allowed.Count(a => a));
    }

    [Fact]
    public async Task OneSendersTwentyTurnsAtOnceAgainstAUserLimitOfFiveAllowExactlyFiveAndLeaveOthersAlone()
    {
        var org = await TestOrganization.CreateAsync(host);
        var limits = Limits(perUser: 5, perOrganization: 1000);

        var allowed = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => CountAsync(limits, org, "busy", $"delivery-{Guid.NewGuid():N}")));

        Assert.Equal(5, allowed.Count(a => a));
        Assert.True(await CountAsync(limits, org, "quiet", $"delivery-{Guid.NewGuid():N}"));
    }

    [Fact]
    public async Task ARedeliveryOfAProcessedTurnCountsNothing()
    {
        var org = await TestOrganization.CreateAsync(host);
        var limits = Limits(perUser: 1, perOrganization: 1000);
        var delivery = $"delivery-{Guid.NewGuid():N}";
        Assert.True(await CountAsync(limits, org, "once", delivery));
        await host.InOrganizationAsync(org.Id, db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO processed_deliveries (organization_id, channel, delivery_id, received_at) VALUES ({org.Id}, 'webchat', {delivery}, now())"));

        Assert.True(await CountAsync(limits, org, "once", delivery));
        Assert.False(await CountAsync(limits, org, "once", $"delivery-{Guid.NewGuid():N}"));
    }

    [Fact]
    public async Task ANewMinuteStartsANewWindow()
    {
        var org = await TestOrganization.CreateAsync(host);
        var limits = Limits(perUser: 1, perOrganization: 1000);
        Assert.True(await CountAsync(limits, org, "steady", $"delivery-{Guid.NewGuid():N}"));
        Assert.False(await CountAsync(limits, org, "steady", $"delivery-{Guid.NewGuid():N}"));

        Assert.True(await CountAsync(limits, org, "steady", $"delivery-{Guid.NewGuid():N}", Minute.AddMinutes(1)));
    }

    private static IOptions<RateLimitOptions> Limits(int perUser, int perOrganization) =>
        Options.Create(new RateLimitOptions { TurnsPerUserPerMinute = perUser, TurnsPerOrganizationPerMinute = perOrganization });

    private async Task<bool> CountAsync(IOptions<RateLimitOptions> limits, TestOrganization org, string user, string delivery, DateTimeOffset? at = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        await db.UseOrganizationAsync(org.Id, CancellationToken.None);
        await db.Database.OpenConnectionAsync();
        var rateLimits = new RateLimits(limits, new FixedClock(at ?? Minute));
        return await rateLimits.CountAsync(db, org.Id, Turn(org, user, delivery), CancellationToken.None);
    }

    private static InboundTurn Turn(TestOrganization org, string user, string delivery)
    {
        var conversation = new ConversationAccount { Id = $"{org.SiteId}-{user}" };
        return new InboundTurn
        {
            Channel = "webchat",
            DeliveryId = delivery,
            InstallationId = org.SiteId,
            ChannelUserId = org.WebChatUserId(user),
            Activity = new Activity { Type = ActivityTypes.Message, Text = "help", Conversation = conversation },
            Reference = new ConversationReference { ChannelId = "webchat", Conversation = conversation },
        };
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
