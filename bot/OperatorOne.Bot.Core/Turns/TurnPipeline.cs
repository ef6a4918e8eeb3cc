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
using OperatorOne.Data.Outbox;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// The shape of a turn, the same for every channel: the tenant and the rate limits in one short statement committed on
/// its own, then one transaction: de-duplication, identity and the conversation in one statement (the conversation's row
/// lock orders that conversation's turns, and nothing wider is held), route (or the channel's own step), replies out —
/// written to the outbox and the transcript, with the transcript in and the audit, as one statement — and one commit. A
/// retry blocks on the first delivery's row and then sees it, so it runs once. Each turn is a span, a log scope and a
/// measurement. Nothing here calls a channel: files are fetched before, replies delivered after.
/// </summary>
public sealed class TurnPipeline(
    OperatorOneDb db,
    RateLimits rateLimits,
    ToolRegistry tools,
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
                TurnStatus.UnknownConversation => "unknown_conversation",
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
        // The organization and the rate limits in one statement before the transaction: no lock on the counters lives as
        // long as the turn. A turn whose organization is entered already (resumed, or looked up before a download) only counts.
        Guid? organizationId = db.Scope.OrganizationId;
        bool allowed;
        if (organizationId is { } entered)
        {
            allowed = await rateLimits.CountAsync(db, entered, turn, cancellationToken);
        }
        else if (await rateLimits.EnterAndCountAsync(db, turn, cancellationToken) is { } found)
        {
            if (!found.ConversationFound)
            {
                return TurnResult.UnknownConversation with { OrganizationId = found.OrganizationId };
            }
            (organizationId, allowed) = (found.OrganizationId, found.Allowed);
        }
        else
        {
            return TurnResult.UnknownInstallation;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The delivery id, the caller and the conversation (locked to the commit) in one statement.
        if (await TurnStart.StartAsync(db, organizationId.Value, turn, now, cancellationToken) is not { } started)
        {
            return TurnResult.Duplicate with { OrganizationId = organizationId };
        }
        BotTelemetry.CurrentTurn()?.SetTag(BotTelemetry.OrganizationTag, organizationId.Value.ToString());
        var (caller, conversation) = (started.Caller, started.Conversation);
        await tools.ForTurnAsync(db, organizationId.Value, started.ToolsVersion, cancellationToken);
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
        // The turn's new rows (transcript, outbox, log, audit) in one statement; what is left (updates, deletes) after it.
        await db.InsertAddedAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        replies.Committed();
        return new TurnResult(status, written.Activities)
        {
            OrganizationId = organizationId,
            ConversationId = conversation.Id,
            Deliveries = written.Deliveries.Select(m => new ClaimedReply(m.Id, m.Channel, m.Activity,
                m.Kind == OutboxKind.Send && m.CardCopyId is null && m.ConversationId == conversation.Id ? conversation.Reference : null)).ToList(),
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
