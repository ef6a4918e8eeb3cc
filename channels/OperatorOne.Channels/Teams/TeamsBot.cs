using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data;
using OperatorOne.Data.Approvals;

namespace OperatorOne.Channels.Teams;

/// <summary>One verified Teams activity, routed by type: messages and lifecycle events become turns, card clicks become decisions.</summary>
internal sealed class TeamsBot(TurnPipeline pipeline, TeamsConnector connector, OperatorOneDb db, OutboxWriter outbox, OutboxSignal signal,
    ILogger<TeamsBot> logger)
{
    private const string NotConnected = "This Microsoft Teams organization isn't connected to OperatorOne yet. Ask your administrator to connect it.";

    public async Task<Results<Ok, Ok<TeamsInvokeResponse>, BadRequest<string>, StatusCodeHttpResult>> HandleAsync(Activity activity,
        CancellationToken cancellationToken)
    {
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate or ActivityTypes.Invoke))
        {
            // Reactions, typing, edits: acknowledged, nothing to do.
            return TypedResults.Ok();
        }
        if (activity.Type == ActivityTypes.Invoke && activity.Name != TeamsTurns.AdaptiveCardAction)
        {
            return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
        }
        if (TeamsTurns.ToInboundTurn(activity) is not { } turn)
        {
            return TypedResults.BadRequest("A Teams activity needs an id, a conversation, a sender and a tenant.");
        }
        return activity.Type == ActivityTypes.Invoke
            ? TypedResults.Ok(await DecideAsync(turn, cancellationToken))
            : await RunTurnAsync(turn, cancellationToken);
    }

    private async Task<Ok> RunTurnAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        var result = await pipeline.RunAsync(turn, cancellationToken);
        if (result.Status == TurnStatus.UnknownInstallation && turn.Activity.Type == ActivityTypes.Message)
        {
            await ReplyAsync(turn, turn.Reference.Address(Activity.Message(NotConnected)), cancellationToken);
            return TypedResults.Ok();
        }
        var queued = new List<Activity>();
        foreach (var reply in result.Replies)
        {
            var delivery = await ReplyAsync(turn, reply, cancellationToken);
            if (delivery is DeliveryResult.RetryLater)
            {
                queued.Add(reply);
            }
        }
        if (queued.Count > 0 && result is { OrganizationId: { } organizationId, ConversationId: { } conversationId })
        {
            // The connector is busy right now; the outbox retries with backoff rather than losing the answer.
            await db.UseOrganizationAsync(organizationId, cancellationToken);
            foreach (var reply in queued)
            {
                outbox.Send(db, organizationId, conversationId, reply with { ReplyToId = null });
            }
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify();
        }
        return TypedResults.Ok();
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

    /// <summary>
    /// A click on Approve/Reject. The decision runs as a turn (once, however often Teams retries); the clicker gets the
    /// card as it now stands, while the outbox updates every other copy in place.
    /// </summary>
    private async Task<TeamsInvokeResponse> DecideAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        if (ApprovalDecision.TryRead(turn.Activity.Value) is not { } decision)
        {
            return TeamsInvokeResponse.Error(400, "BadRequest", "This card action is not an approval decision.");
        }
        var result = await pipeline.RunAsync(turn, cancellationToken);
        if (result.Status == TurnStatus.UnknownInstallation)
        {
            return TeamsInvokeResponse.Message(NotConnected);
        }
        var card = await DecidedCardAsync(turn.InstallationId, decision.ApprovalId, cancellationToken);
        if (card is not null)
        {
            return TeamsInvokeResponse.Card(card);
        }
        var text = result.Replies.Count > 0 ? result.Replies[0].Text : null;
        return TeamsInvokeResponse.Message(string.IsNullOrEmpty(text) ? "Your decision was received." : text);
    }

    private async Task<System.Text.Json.Nodes.JsonObject?> DecidedCardAsync(string tenant, Guid approvalId, CancellationToken cancellationToken)
    {
        if (await Installations.FindOrganizationAsync(db, TeamsSender.ChannelId, tenant, cancellationToken) is not { } organizationId)
        {
            return null;
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var request = await db.ApprovalRequests.AsNoTracking().SingleOrDefaultAsync(a => a.Id == approvalId, cancellationToken);
        if (request is null || request.Status == ApprovalStatus.Pending)
        {
            return null;
        }
        var names = await db.Members.AsNoTracking()
            .Where(m => m.Id == request.RequestedById || m.Id == request.DecidedById)
            .ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
        var requester = names.GetValueOrDefault(request.RequestedById, "someone");
        var decider = request.DecidedById is { } id ? names.GetValueOrDefault(id, "an approver") : "nobody (it expired)";
        return TeamsCards.Render(ApprovalCards.Decided(request, requester, decider));
    }
}
