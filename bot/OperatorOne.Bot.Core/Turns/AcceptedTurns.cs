using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Data;
using OperatorOne.Data.Work;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// Turns acknowledged before they finished, in PostgreSQL (accepted_turns): stored, claimed by the replica running them,
/// before the channel gets its acknowledgement. As a work queue it takes over the turns of replicas that died (their
/// heartbeat stopped) and the ones that failed, and runs them through the same entry; the turn's de-duplication row
/// makes a turn that did commit a no-op. The payload is emptied once the turn is settled.
/// </summary>
public sealed class AcceptedTurns(IServiceScopeFactory scopes, ReplicaId replicaId, OutboxWriter outbox, WorkSignal signal, TimeProvider clock,
    ILogger<AcceptedTurns> logger) : IWorkQueue
{
    public const string QueueName = "accepted-turns";
    private const int MaxAttempts = 3;
    private const int MaxSettleTries = 10;
    private const string Spent = "{}";

    private readonly ConcurrentDictionary<(string Channel, string DeliveryId), Unsettled> _unsettled = new();

    public string Name => QueueName;

    public int Batch => 8;

    /// <summary>Stores the turn as this replica's; a turn stored before (a retried delivery) stays as it is.</summary>
    public async Task AcceptAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        if (await Installations.FindOrganizationAsync(db, turn.Channel, turn.InstallationId, cancellationToken) is not { } organizationId)
        {
            // Nobody's installation: the turn only says so, and there is nothing to lose.
            return;
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO accepted_turns (organization_id, channel, delivery_id, payload, status, attempts, next_attempt_at, claimed_by, claimed_at, accepted_at)
            VALUES ({organizationId}, {turn.Channel}, {turn.DeliveryId}, {BotJson.Serialize(turn)}::jsonb, 'Pending', 0, {now}, {replicaId.Value}, {now}, {now})
            ON CONFLICT (channel, delivery_id) DO NOTHING
            """, cancellationToken);
    }

    /// <summary>The turn committed (or was a duplicate): its row is done and its payload forgotten.</summary>
    public Task FinishAsync(InboundTurn turn, CancellationToken cancellationToken) =>
        SettleAsync(turn, WorkStatus.Done, null, cancellationToken);

    /// <summary>
    /// The turn failed: another attempt later, by any replica, or given up after a few (the person is told). A failure
    /// because the database was away spends no attempt: the turn was acknowledged, and an outage longer than three
    /// backoffs must not turn into an apology instead of the ticket.
    /// </summary>
    public Task RetryAsync(InboundTurn turn, Exception failure, CancellationToken cancellationToken) =>
        SettleAsync(turn, WorkStatus.Pending, failure, cancellationToken);

    /// <summary>
    /// Settles the row, or, when that write fails (the pool or the database is away), keeps the settlement to be written
    /// again on the queue's next pass, within a poll interval: the row is claimed by this live replica, so nobody else would
    /// take it up before MaxHoldSeconds, and an acknowledged turn must not wait minutes for a write that failed once.
    /// </summary>
    private async Task SettleAsync(InboundTurn turn, WorkStatus status, Exception? failure, CancellationToken cancellationToken)
    {
        try
        {
            await SettleOnceAsync(turn, status, failure, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The accepted turn {Delivery} on {Channel} could not be settled; trying again", turn.DeliveryId, turn.Channel);
            _unsettled[(turn.Channel, turn.DeliveryId)] = new Unsettled(turn, status, failure);
            signal.Notify(QueueName);
        }
    }

    /// <summary>
    /// Writes the settlements that failed before. A failure because the database is away keeps its entry however long the
    /// outage lasts; any other is given up after a few passes, and the claim then dies with MaxHoldSeconds.
    /// </summary>
    private async Task SettleLeftOverAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, left) in _unsettled)
        {
            try
            {
                await SettleOnceAsync(left.Turn, left.Status, left.Failure, cancellationToken);
                _unsettled.TryRemove(KeyValuePair.Create(key, left));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (!DatabaseOutage.Is(ex) && Interlocked.Increment(ref left.Tries) >= MaxSettleTries)
                {
                    logger.LogError(ex, "The accepted turn {Delivery} on {Channel} could not be settled; it is taken up once its claim dies", key.DeliveryId, key.Channel);
                    _unsettled.TryRemove(KeyValuePair.Create(key, left));
                }
            }
        }
    }

    private async Task SettleOnceAsync(InboundTurn turn, WorkStatus status, Exception? failure, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        if (await Installations.FindOrganizationAsync(db, turn.Channel, turn.InstallationId, cancellationToken) is not { } organizationId)
        {
            return;
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var row = await db.AcceptedTurns.SingleOrDefaultAsync(t => t.Channel == turn.Channel && t.DeliveryId == turn.DeliveryId && t.Status == WorkStatus.Pending,
            cancellationToken);
        if (row is null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        row.ClaimedBy = null;
        row.ClaimedAt = null;
        if (status == WorkStatus.Done)
        {
            row.Status = WorkStatus.Done;
            row.Payload = Spent;
            row.FinishedAt = now;
        }
        else
        {
            if (!DatabaseOutage.Is(failure))
            {
                row.Attempts++;
            }
            var error = failure?.Message;
            row.LastError = error is { Length: > 500 } ? error[..500] : error;
            row.NextAttemptAt = now + Backoff.After(row.Attempts);
            if (row.Attempts >= MaxAttempts)
            {
                row.Status = WorkStatus.Failed;
                row.Payload = Spent;
                row.FinishedAt = now;
                await ApologizeAsync(db, organizationId, turn, now, cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (status != WorkStatus.Done)
        {
            signal.Notify(QueueName);
        }
    }

    /// <summary>A turn given up: the person hears so rather than nothing.</summary>
    private async Task ApologizeAsync(OperatorOneDb db, Guid organizationId, InboundTurn turn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conversation = await Transcript.TouchConversationAsync(db, organizationId, turn, null, now, cancellationToken);
        outbox.Send(db, conversation, turn.Reference.Address(new Activity
        {
            Type = ActivityTypes.Message,
            Text = "Sorry, something went wrong on my side with your last message. Please try again.",
            ChannelData = turn.ReplyChannelData?.DeepClone() as System.Text.Json.Nodes.JsonObject,
        }));
        signal.Notify(OutboxQueue.QueueName);
    }

    public async Task<IReadOnlyList<ClaimedWork>> ClaimAsync(OperatorOneDb db, string replica, int count, WorkOptions options, CancellationToken cancellationToken)
    {
        if (!_unsettled.IsEmpty)
        {
            await SettleLeftOverAsync(cancellationToken);
        }
        return await db.Database.SqlQuery<OutboxQueue.ClaimedRow>(
                $"SELECT id AS \"Id\", organization_id AS \"OrganizationId\" FROM op_claim_accepted_turns({replica}, {count}, {options.ReplicaTimeoutSeconds}, {options.MaxHoldSeconds})")
            .Select(r => new ClaimedWork(r.Id, r.OrganizationId, null))
            .ToListAsync(cancellationToken);
    }

    public async Task RunAsync(ClaimedWork work, IServiceProvider services, string replica, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OperatorOneDb>();
        await db.UseOrganizationAsync(work.OrganizationId!.Value, cancellationToken);
        var payload = await db.AcceptedTurns.AsNoTracking()
            .Where(t => t.Id == work.Id && t.ClaimedBy == replica && t.Status == WorkStatus.Pending)
            .Select(t => t.Payload).SingleOrDefaultAsync(cancellationToken);
        if (payload is null)
        {
            return;
        }
        var turn = BotJson.Deserialize<InboundTurn>(payload);
        try
        {
            await services.GetRequiredService<TurnLoop>().ResumeAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The accepted turn {Delivery} on {Channel} failed again", turn.DeliveryId, turn.Channel);
            await RetryAsync(turn, ex, CancellationToken.None);
            return;
        }
        await FinishAsync(turn, CancellationToken.None);
    }

    /// <summary>Running the row threw before it could settle it (its payload could not be read): the claim goes back at once.</summary>
    public async Task FailedAsync(ClaimedWork work, IServiceProvider services, string replica, Exception error, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OperatorOneDb>();
        await db.UseOrganizationAsync(work.OrganizationId!.Value, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE accepted_turns SET claimed_by = NULL, claimed_at = NULL
             WHERE id = {work.Id} AND claimed_by = {replica} AND status = 'Pending'
            """, cancellationToken);
    }

    private sealed class Unsettled(InboundTurn turn, WorkStatus status, Exception? failure)
    {
        public InboundTurn Turn => turn;
        public WorkStatus Status => status;
        public Exception? Failure => failure;
        public int Tries;
    }
}
