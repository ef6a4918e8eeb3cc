using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Outbox;

/// <summary>
/// The outbox as a work queue: due rows nobody (alive) holds are claimed with FOR UPDATE SKIP LOCKED through
/// op_claim_outbox and delivered each under its own organization; failures wait with backoff (or the channel's Retry-After).
/// </summary>
internal sealed class OutboxQueue : IWorkQueue
{
    public const string QueueName = OutboxWork.QueueName;

    public string Name => QueueName;

    public int Batch => 20;

    public async Task<IReadOnlyList<ClaimedWork>> ClaimAsync(OperatorOneDb db, string replica, int count, WorkOptions options, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<ClaimedRow>(
                $"SELECT id AS \"Id\", organization_id AS \"OrganizationId\" FROM op_claim_outbox({replica}, {count}, {options.ReplicaTimeoutSeconds}, {options.MaxHoldSeconds})")
            .Select(r => new ClaimedWork(r.Id, r.OrganizationId, null))
            .ToListAsync(cancellationToken);

    public Task RunAsync(ClaimedWork work, IServiceProvider services, string replica, CancellationToken cancellationToken) =>
        services.GetRequiredService<OutboxDelivery>().DeliverAsync(work.Id, work.OrganizationId!.Value, replica, cancellationToken);

    /// <summary>A delivery that threw (not a channel's answer, which <see cref="OutboxDelivery"/> records) counts as an attempt.</summary>
    public async Task FailedAsync(ClaimedWork work, IServiceProvider services, string replica, Exception error, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OperatorOneDb>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await db.UseOrganizationAsync(work.OrganizationId!.Value, cancellationToken);
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == work.Id && m.ClaimedBy == replica, cancellationToken);
        if (message is null)
        {
            return;
        }
        message.Attempts++;
        message.LastError = $"{error.GetType().Name}: {error.Message}";
        message.Status = message.Attempts >= OutboxDelivery.MaxAttempts ? Data.Outbox.OutboxStatus.Dead : message.Status;
        message.NextAttemptAt = now + Backoff.After(message.Attempts);
        message.ClaimedBy = null;
        message.ClaimedAt = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    internal sealed record ClaimedRow(long Id, Guid OrganizationId);
}

/// <summary>The outbox's queue name, for whoever wakes it after queuing messages.</summary>
public static class OutboxWork
{
    public const string QueueName = "outbox";
}
