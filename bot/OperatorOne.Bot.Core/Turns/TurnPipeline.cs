using ActivityKind = System.Diagnostics.ActivityKind;
using ActivityStatusCode = System.Diagnostics.ActivityStatusCode;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Telemetry;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// One turn, the same for every channel, in one transaction: de-duplicate, tenant, identity, limits, transcript in,
/// route, transcript out. A retry blocks on the first delivery's unique row and then sees it, so it runs once.
/// Each turn is a span, a log scope and a measurement, and is counted in flight so a stopping replica finishes it.
/// </summary>
public sealed class TurnPipeline(
    OperatorOneDb db,
    RateLimits rateLimits,
    TurnRouter router,
    OutboxWriter outbox,
    OutboxSignal outboxSignal,
    TimeProvider clock,
    InFlightTurns inFlight,
    BotMetrics metrics,
    ILogger<TurnPipeline> logger,
    IServiceProvider services)
{
    public async Task<TurnResult> RunAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        using var lease = inFlight.Enter();
        using var span = BotTelemetry.Source.StartActivity(BotTelemetry.TurnSpan, ActivityKind.Internal);
        span?.SetTag(BotTelemetry.ChannelTag, turn.Channel);
        span?.SetTag(BotTelemetry.ApprovalRequestedTag, false);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["TurnId"] = turn.DeliveryId,
            ["Channel"] = turn.Channel,
            ["ChannelConversationId"] = turn.Reference.Conversation.Id,
        });
        var started = clock.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await RunInTransactionAsync(turn, cancellationToken);
            outcome = result.Status switch
            {
                TurnStatus.Processed => "processed",
                TurnStatus.Duplicate => "duplicate",
                TurnStatus.UnknownInstallation => "unknown_installation",
                TurnStatus.RateLimited => "rate_limited",
                _ => result.Status.ToString(),
            };
            span?.SetTag(BotTelemetry.OrganizationTag, result.OrganizationId?.ToString());
            span?.SetTag("operatorone.conversation_id", result.ConversationId?.ToString());
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            span?.SetTag(BotTelemetry.OutcomeTag, outcome);
            if (outcome is "failed")
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }
            metrics.TurnCompleted(turn.Channel, outcome, clock.GetElapsedTime(started));
        }
    }

    private async Task<TurnResult> RunInTransactionAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await FirstDeliveryAsync(turn, now, cancellationToken))
        {
            return TurnResult.Duplicate;
        }
        var organizationId = await Installations.FindOrganizationAsync(db, turn.Channel, turn.InstallationId, cancellationToken);
        if (organizationId is null)
        {
            return TurnResult.UnknownInstallation;
        }
        await db.UseOrganizationAsync(organizationId.Value, cancellationToken);
        BotTelemetry.CurrentTurn()?.SetTag(BotTelemetry.OrganizationTag, organizationId.Value.ToString());

        var caller = await Identities.ResolveAsync(db, turn.Channel, turn.ChannelUserId, turn.UserName, cancellationToken);
        // The turn acts for the caller: member-scoped policies (document visibility) admit what they may see.
        await db.UseMemberAsync(caller.MemberId, cancellationToken);
        var conversation = await Transcript.TouchConversationAsync(db, organizationId.Value, turn, caller.MemberId, now, cancellationToken);
        Transcript.Record(db, conversation, MessageDirection.Inbound, turn.Activity, caller.MemberId, now);

        var status = TurnStatus.Processed;
        IReadOnlyList<Reply> replies;
        if (!await rateLimits.AllowAsync(db, organizationId.Value, turn.Channel + ":" + turn.ChannelUserId, cancellationToken))
        {
            status = TurnStatus.RateLimited;
            replies = [new Reply("You're sending messages faster than I can take them. Please wait a minute and try again.")];
        }
        else
        {
            var context = new ToolContext
            {
                Db = db,
                OrganizationId = organizationId.Value,
                Caller = caller,
                Clock = clock,
                Outbox = outbox,
                Services = services,
                ConversationId = conversation.Id,
                TurnId = turn.Activity.Id ?? turn.DeliveryId,
            };
            replies = turn.Handler is { } handler
                ? await handler(context, cancellationToken)
                : await router.RouteAsync(turn, context, cancellationToken);
        }

        var activities = replies.Select(r => ToActivity(turn, r)).ToList();
        foreach (var activity in activities)
        {
            Transcript.Record(db, conversation, MessageDirection.Outbound, activity, null, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (turn.BeforeCommit is { } beforeCommit)
        {
            await beforeCommit(activities, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        outboxSignal.Notify();
        return new TurnResult(status, activities) { OrganizationId = organizationId, ConversationId = conversation.Id };
    }

    private async Task<bool> FirstDeliveryAsync(InboundTurn turn, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO processed_deliveries (channel, delivery_id, received_at) VALUES ({turn.Channel}, {turn.DeliveryId}, {now})
            ON CONFLICT DO NOTHING
            """, cancellationToken) == 1;

    private static Activity ToActivity(InboundTurn turn, Reply reply) => turn.Reference.Address(new Activity
    {
        Type = ActivityTypes.Message,
        Text = reply.Text,
        Speak = reply.Speak,
        Attachments = reply.Card is null ? null : [Attachment.AdaptiveCard(reply.Card)],
        ReplyToId = turn.Activity.Id,
    });
}
