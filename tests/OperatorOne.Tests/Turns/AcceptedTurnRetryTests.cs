using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Data.Work;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// An acknowledged turn that fails is tried again and given up (with an apology) only after a few failures of its own:
/// failures because the database was away spend no attempt, however many there are. The queue's clock is a day ahead,
/// so the host's own work loop never picks the row up between the test's steps.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class AcceptedTurnRetryTests(BotHost host)
{
    private const string Apology = "something went wrong on my side";

    [Fact]
    public async Task FailuresWhileTheDatabaseIsAwaySpendNoAttemptAndNeverGiveTheTurnUp()
    {
        var (org, turns, turn) = await AcceptAsync();

        for (var i = 0; i < 6; i++)
        {
            await turns.RetryAsync(turn, new InvalidOperationException("store away", new SocketException((int)SocketError.ConnectionRefused)), CancellationToken.None);
        }

        var row = await RowAsync(org, turn);
        Assert.Equal(WorkStatus.Pending, row.Status);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(0, await ApologiesAsync(org));
    }

    [Fact]
    public async Task ThreeFailuresOfTheTurnsOwnGiveItUpAndTellThePerson()
    {
        var (org, turns, turn) = await AcceptAsync();

        for (var i = 0; i < 3; i++)
        {
            await turns.RetryAsync(turn, new InvalidOperationException("a bug"), CancellationToken.None);
        }

        var row = await RowAsync(org, turn);
        Assert.Equal(WorkStatus.Failed, row.Status);
        Assert.Equal(3, row.Attempts);
        Assert.Equal(1, await ApologiesAsync(org));
    }

    private async Task<(TestOrganization Org, AcceptedTurns Turns, InboundTurn Turn)> AcceptAsync()
    {
        var org = await TestOrganization.CreateAsync(host);
        var services = host.Services;
        var turns = new AcceptedTurns(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<ReplicaId>(),
            services.GetRequiredService<OutboxWriter>(), services.GetRequiredService<WorkSignal>(), new DayAheadClock(),
            NullLogger<AcceptedTurns>.Instance);
        var conversation = new ConversationAccount { Id = $"{org.SiteId}-member" };
        var turn = new InboundTurn
        {
            Channel = "webchat",
            DeliveryId = $"delivery-{Guid.NewGuid():N}",
            InstallationId = org.SiteId,
            ChannelUserId = org.WebChatUserId("member"),
            Activity = new Activity { Type = ActivityTypes.Message, Text = "open a ticket: printer jammed", Conversation = conversation },
            Reference = new ConversationReference { ChannelId = "webchat", Conversation = conversation },
        };
        await turns.AcceptAsync(turn, CancellationToken.None);
        return (org, turns, turn);
    }

    private Task<AcceptedTurn> RowAsync(TestOrganization org, InboundTurn turn) =>
        host.InOrganizationAsync(org.Id, db => db.AcceptedTurns.SingleAsync(t => t.DeliveryId == turn.DeliveryId));

    private async Task<int> ApologiesAsync(TestOrganization org) =>
        (await host.InOrganizationAsync(org.Id, db => db.OutboxMessages.Select(m => m.Activity).ToListAsync()))
            .Count(activity => activity.Contains(Apology, StringComparison.OrdinalIgnoreCase));

    private sealed class DayAheadClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddDays(1);
    }
}
