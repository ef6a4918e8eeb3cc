using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// Delivers a turn's replies: threaded under the user's message while Teams waits for the response, or through the
/// outbox (retried with backoff) when the connector is busy or the request has already been acknowledged.
/// </summary>
internal sealed class TeamsReplies(TeamsConnector connector, OperatorOneDb db, OutboxWriter outbox, OutboxSignal signal, ILogger<TeamsReplies> logger)
{
    public async Task ReplyAsync(InboundTurn turn, TurnResult result, CancellationToken cancellationToken)
    {
        if (result.Status == TurnStatus.UnknownInstallation)
        {
            await NotConnectedAsync(turn, cancellationToken);
            return;
        }
        var queued = new List<Activity>();
        foreach (var reply in result.Replies)
        {
            if (await ReplyAsync(turn, reply, cancellationToken) is DeliveryResult.RetryLater)
            {
                queued.Add(reply);
            }
        }
        await QueueAsync(result, queued, cancellationToken);
    }

    /// <summary>The answer to a turn nobody is waiting for any more: every reply goes through the outbox.</summary>
    public async Task QueueAsync(InboundTurn turn, TurnResult result, CancellationToken cancellationToken)
    {
        if (result.Status == TurnStatus.UnknownInstallation)
        {
            // No organization, so no outbox: this one line goes out directly.
            await NotConnectedAsync(turn, cancellationToken);
            return;
        }
        await QueueAsync(result, result.Replies, cancellationToken);
    }

    private async Task QueueAsync(TurnResult result, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        if (replies.Count == 0 || result is not { OrganizationId: { } organizationId, ConversationId: { } conversationId })
        {
            return;
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        foreach (var reply in replies)
        {
            outbox.Send(db, organizationId, conversationId, reply with { ReplyToId = null });
        }
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }

    private async Task NotConnectedAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type == ActivityTypes.Message)
        {
            await ReplyAsync(turn, turn.Reference.Address(Activity.Message(TeamsInvokes.NotConnected)), cancellationToken);
        }
    }

    private async Task<DeliveryResult> ReplyAsync(InboundTurn turn, Activity reply, CancellationToken cancellationToken)
    {
        var serviceUrl = turn.Activity.ServiceUrl!;
        var conversationId = turn.Reference.Conversation.Id;
        // Only a message has an id Teams can thread a reply under; lifecycle events get a plain send.
        var result = turn.Activity.Type == ActivityTypes.Message
            ? await connector.ReplyAsync(serviceUrl, conversationId, turn.Activity.Id!, reply, cancellationToken)
            : await connector.SendAsync(serviceUrl, conversationId, reply with { ReplyToId = null }, cancellationToken);
        if (result is not DeliveryResult.Delivered)
        {
            logger.LogWarning("Teams reply to {Conversation} was not delivered: {Result}", conversationId, result);
        }
        return result;
    }
}
