using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Data;
using OperatorOne.Data.Outbox;

namespace OperatorOne.AdminApi.Outbox;

/// <summary>The outbox: depth by status, messages that gave up, and a retry for one of them.</summary>
internal static class OutboxEndpoints
{
    public static void MapOutbox(this RouteGroupBuilder organization)
    {
        var outbox = organization.MapGroup("/outbox").WithTags("Outbox");
        outbox.MapGet("", DepthAsync).WithSummary("How many outbound messages are pending, sent and dead.");
        outbox.MapGet("/failures", FailuresAsync).WithSummary("Dead messages and pending ones that have failed at least once, newest first.");
        outbox.MapPost("/{messageId:long}/retry", RetryAsync).WithSummary("Send a dead message again from the start.");
    }

    internal static async Task<Ok<OutboxDepth>> DepthAsync(OperatorOneDb db, CancellationToken cancellationToken)
    {
        var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(OutboxStatus status) => counts.SingleOrDefault(c => c.Key == status)?.Count ?? 0;
        return TypedResults.Ok(new OutboxDepth(Count(OutboxStatus.Pending), Count(OutboxStatus.Sent), Count(OutboxStatus.Dead)));
    }

    internal static async Task<Ok<List<OutboxFailure>>> FailuresAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Dead || (m.Status == OutboxStatus.Pending && m.Attempts > 0))
            .OrderByDescending(m => m.Id).Take(200)
            .Select(m => new OutboxFailure(m.Id, m.ConversationId, m.Kind, m.Status, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt))
            .ToListAsync(cancellationToken));

    internal static async Task<Results<NoContent, NotFound>> RetryAsync(
        long messageId, OperatorOneDb db, OutboxSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var retried = await db.OutboxMessages.Where(m => m.Id == messageId && m.Status == OutboxStatus.Dead)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
        if (retried == 0)
        {
            return TypedResults.NotFound();
        }
        signal.Notify();
        return TypedResults.NoContent();
    }
}

internal sealed record OutboxDepth(int Pending, int Sent, int Dead);

internal sealed record OutboxFailure(
    long Id, Guid? ConversationId, OutboxKind Kind, OutboxStatus Status, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt);
