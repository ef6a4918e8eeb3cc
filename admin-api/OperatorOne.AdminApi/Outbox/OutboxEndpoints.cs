using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Data;
using OperatorOne.Data.Outbox;

namespace OperatorOne.AdminApi.Outbox;

/// <summary>
/// The outbox: depth by status, messages that gave up or were rerouted (with where the notice finally went), and a retry
/// for one of them.
/// </summary>
internal static class OutboxEndpoints
{
    public static void MapOutbox(this RouteGroupBuilder organization)
    {
        var outbox = organization.MapGroup("/outbox").WithTags("Outbox");
        outbox.MapGet("", DepthAsync).WithSummary("How many outbound messages are pending, sent and dead.");
        outbox.MapGet("/failures", FailuresAsync)
            .WithSummary("Dead messages, pending ones that have failed at least once, and rerouted ones with the message that stood in for them, newest first.");
        outbox.MapPost("/{messageId:long}/retry", RetryAsync).WithSummary("Send a dead message again from the start.");
    }

    internal static async Task<Ok<OutboxDepth>> DepthAsync(OperatorOneDb db, CancellationToken cancellationToken)
    {
        var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(OutboxStatus status) => counts.SingleOrDefault(c => c.Key == status)?.Count ?? 0;
        return TypedResults.Ok(new OutboxDepth(Count(OutboxStatus.Pending), Count(OutboxStatus.Sent), Count(OutboxStatus.Dead), Count(OutboxStatus.Rerouted)));
    }

    internal static async Task<Ok<List<OutboxFailure>>> FailuresAsync(OperatorOneDb db, CancellationToken cancellationToken)
    {
        var failures = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Dead || m.Status == OutboxStatus.Rerouted || (m.Status == OutboxStatus.Pending && m.Attempts > 0))
            .OrderByDescending(m => m.Id).Take(200)
            .Select(m => new OutboxFailure(m.Id, m.Channel, m.ConversationId, m.Kind, m.Status, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, null))
            .ToListAsync(cancellationToken);
        // A rerouted notice names the message that carried it on (its email), so the ledger shows where it finally went.
        var rerouted = failures.Where(f => f.Status == OutboxStatus.Rerouted).Select(f => f.Id).ToList();
        if (rerouted.Count == 0)
        {
            return TypedResults.Ok(failures);
        }
        var standIns = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ReroutedFromId != null && rerouted.Contains(m.ReroutedFromId.Value))
            .Select(m => new { From = m.ReroutedFromId!.Value, To = new OutboxReroute(m.Id, m.Channel, m.Status, m.SentAt) })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(failures.Select(f => standIns.FirstOrDefault(s => s.From == f.Id) is { } standIn ? f with { ReroutedTo = standIn.To } : f).ToList());
    }

    internal static async Task<Results<NoContent, NotFound>> RetryAsync(
        long messageId, OperatorOneDb db, WorkSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var retried = await db.OutboxMessages.Where(m => m.Id == messageId && m.Status == OutboxStatus.Dead)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedAt, (DateTimeOffset?)null), cancellationToken);
        if (retried == 0)
        {
            return TypedResults.NotFound();
        }
        signal.Notify(OutboxWork.QueueName);
        return TypedResults.NoContent();
    }
}

internal sealed record OutboxDepth(int Pending, int Sent, int Dead, int Rerouted);

internal sealed record OutboxFailure(
    long Id, string Channel, Guid? ConversationId, OutboxKind Kind, OutboxStatus Status, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt,
    OutboxReroute? ReroutedTo);

/// <summary>The message a rerouted notice went on in: its channel (email) and how that delivery went.</summary>
internal sealed record OutboxReroute(long Id, string Channel, OutboxStatus Status, DateTimeOffset? SentAt);
