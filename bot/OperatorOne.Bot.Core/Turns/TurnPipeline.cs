using ActivityKind = System.Diagnostics.ActivityKind;
using ActivityStatusCode = System.Diagnostics.ActivityStatusCode;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Telemetry;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// The shape of a turn, the same for every channel: the tenant and the rate limits in a short statement each, then one
/// transaction: de-duplicate and identity (one statement), conversation (its row lock orders that conversation's turns, and nothing wider
/// is held), transcript in, route (or the channel's own step), replies out — written to the outbox and the transcript —
/// and one commit. A retry blocks on the first delivery's row and then sees it, so it runs once. Each turn is a span,
/// a log scope and a measurement. Nothing here calls a channel: files are fetched before, replies delivered after.
/// </summary>
public sealed class TurnPipeline(
    OperatorOneDb db,
    RateLimits rateLimits,
    TurnRouter router,
    TurnReplies replies,
    TimeProvider clock,
    BotMetrics metrics,
    ILogger<TurnPipeline> logger,
    IServiceProvider services)
{
    public async Task<TurnResult> RunAsync(InboundTurn turn, TurnHandoff handoff, CancellationToken cancellationToken)
    {
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
            var result = await RunInTransactionAsync(turn, handoff, cancellationToken);
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

    private async Task<TurnResult> RunInTransactionAsync(InboundTurn turn, TurnHandoff handoff, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // One connection for the whole turn: EF would otherwise reopen it (and rewrite the tenant) between statements.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var organizationId = db.Scope.OrganizationId ?? await Installations.EnterOrganizationAsync(db, turn.Channel, turn.InstallationId, cancellationToken);
        if (organizationId is null)
        {
            return TurnResult.UnknownInstallation;
        }
        // Counted before the transaction, in a statement of its own: no lock on the counters lives as long as the turn.
        var allowed = await rateLimits.CountAsync(db, organizationId.Value, turn, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The delivery id and the caller in one statement, which also acts for the caller on the connection:
        // member-scoped policies (document visibility) admit what they may see.
        if (await Identities.FirstDeliveryAsync(db, organizationId.Value, turn.Channel, turn.DeliveryId, turn.ChannelUserId, turn.UserName, now,
                cancellationToken) is not { } caller)
        {
            return TurnResult.Duplicate with { OrganizationId = organizationId };
        }
        BotTelemetry.CurrentTurn()?.SetTag(BotTelemetry.OrganizationTag, organizationId.Value.ToString());

        var conversation = await Transcript.TouchConversationAsync(db, organizationId.Value, turn, caller.MemberId, now, cancellationToken);
        Transcript.Record(db, conversation, MessageDirection.Inbound, turn.Activity, caller.MemberId, now);

        var status = TurnStatus.Processed;
        IReadOnlyList<Reply> answer;
        if (!allowed)
        {
            status = TurnStatus.RateLimited;
            answer = [new Reply("You're sending messages faster than I can take them. Please wait a minute and try again.")];
        }
        else
        {
            var context = new ToolContext
            {
                Db = db,
                OrganizationId = organizationId.Value,
                Caller = caller,
                Clock = clock,
                Outbox = replies.Outbox,
                ConversationId = conversation.Id,
                TurnId = turn.Activity.Id ?? turn.DeliveryId,
            };
            answer = turn.Step is { } step
                ? await StepFor(step).RunAsync(turn, context, cancellationToken)
                : await router.RouteAsync(turn, context, cancellationToken);
        }

        var written = await replies.WriteAsync(db, turn, conversation, answer, handoff, now, cancellationToken);
        // The last save needs no savepoint to fall back to: when it fails, the whole turn rolls back.
        db.Database.AutoSavepointsEnabled = false;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        replies.Committed();
        return new TurnResult(status, written.Activities)
        {
            OrganizationId = organizationId,
            ConversationId = conversation.Id,
            Deliveries = written.Deliveries.Select(m => m.Id).ToList(),
        };
    }

    private ITurnStep StepFor(TurnStep step) =>
        services.GetServices<ITurnStep>().FirstOrDefault(s => s.Name == step.Name) ?? throw new InvalidOperationException($"No turn step '{step.Name}' is registered.");

    /// <summary>
    /// Whether this delivery was processed already: read before a channel's preparation downloads anything, so a
    /// redelivery costs no network work. The insert in the turn's transaction still decides.
    /// </summary>
    public async Task<bool> WasProcessedAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        // The organization stays entered for the turn after the preparation; the connection goes back meanwhile.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await Installations.EnterOrganizationAsync(db, turn.Channel, turn.InstallationId, cancellationToken) is not null
                && await db.ProcessedDeliveries.AnyAsync(d => d.Channel == turn.Channel && d.DeliveryId == turn.DeliveryId, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
