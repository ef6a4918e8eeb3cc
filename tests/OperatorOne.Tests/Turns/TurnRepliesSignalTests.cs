using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// A committed turn wakes the outbox queue only when it left work there. Its own push replies are delivered by the
/// replica that ran it, so a wake-up for them is a claim query for nothing — under load the costliest statement on the
/// database. The replies are written into a context that is never saved; a signal of the test's own is watched.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class TurnRepliesSignalTests(BotHost host)
{
    [Fact]
    public async Task ATurnWhoseOnlyRowsAreItsOwnPushRepliesWakesNoQueue()
    {
        var (replies, signal, db, turn, conversation, scope) = await WriterAsync();
        await using (scope)
        {
            var written = await replies.WriteAsync(db, turn, conversation, [new Reply("Here is the help.")], TurnHandoff.Detached(), DateTimeOffset.UtcNow,
                CancellationToken.None);
            replies.Committed();

            Assert.Single(written.Deliveries);
            Assert.False(await signal.WaitAsync(OutboxQueue.QueueName, TimeSpan.Zero, CancellationToken.None));
        }
    }

    [Fact]
    public async Task ATurnThatQueuedANoticeForAnotherConversationWakesTheOutbox()
    {
        var (replies, signal, db, turn, conversation, scope) = await WriterAsync();
        await using (scope)
        {
            var approver = NewConversation(conversation.OrganizationId, "approver");
            replies.Outbox.Send(db, approver, new Activity { Type = ActivityTypes.Message, Text = "An approval is waiting for you." });
            await replies.WriteAsync(db, turn, conversation, [new Reply("Asked for approval.")], TurnHandoff.Detached(), DateTimeOffset.UtcNow,
                CancellationToken.None);
            replies.Committed();

            Assert.True(await signal.WaitAsync(OutboxQueue.QueueName, TimeSpan.Zero, CancellationToken.None));
        }
    }

    private async Task<(TurnReplies, WorkSignal, OperatorOneDb, InboundTurn, Conversation, AsyncServiceScope)> WriterAsync()
    {
        var org = await TestOrganization.CreateAsync(host);
        var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        await db.UseOrganizationAsync(org.Id, CancellationToken.None);
        var signal = new WorkSignal();
        var replies = ActivatorUtilities.CreateInstance<TurnReplies>(scope.ServiceProvider, signal);
        var account = new ConversationAccount { Id = $"teams-{Guid.NewGuid():N}" };
        var turn = new InboundTurn
        {
            Channel = "msteams",
            DeliveryId = $"delivery-{Guid.NewGuid():N}",
            InstallationId = "tenant",
            ChannelUserId = "user",
            Activity = new Activity { Type = ActivityTypes.Message, Id = "message-1", Text = "help", Conversation = account },
            Reference = new ConversationReference { ChannelId = "msteams", ServiceUrl = "http://127.0.0.1/", Conversation = account },
        };
        return (replies, signal, db, turn, NewConversation(org.Id, account.Id), scope);
    }

    private static Conversation NewConversation(Guid organizationId, string externalId) => new()
    {
        Id = Guid.NewGuid(), OrganizationId = organizationId, Channel = "msteams", ExternalId = externalId, Reference = "{}",
        CreatedAt = DateTimeOffset.UtcNow, LastActivityAt = DateTimeOffset.UtcNow,
    };
}
