using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Work;

/// <summary>
/// One kind of background work kept in PostgreSQL (outbox messages, accepted turns, periodic jobs): rows a replica
/// claims, runs in a scope of its own and settles (done, or retried later with backoff). <see cref="WorkLoop"/> runs
/// every queue the same way, so there is one claim, heartbeat, wake-up and shutdown mechanism for all of them.
/// </summary>
public interface IWorkQueue
{
    string Name { get; }

    /// <summary>How many rows run at once in this replica (a claim takes as many as there are free slots).</summary>
    int Batch { get; }

    /// <summary>Claims up to <paramref name="count"/> due rows whose claim is free or dead; each is then this replica's until it settles it.</summary>
    Task<IReadOnlyList<ClaimedWork>> ClaimAsync(OperatorOneDb db, string replica, int count, WorkOptions options, CancellationToken cancellationToken);

    /// <summary>Runs one claimed row; it must settle the row (or leave it claimed for another attempt after the claim dies).</summary>
    Task RunAsync(ClaimedWork work, IServiceProvider services, string replica, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="RunAsync"/> threw: settle the row for a later attempt instead of holding it until the claim dies
    /// (a live replica's claim lives until MaxHoldSeconds). The default keeps the claim.
    /// </summary>
    Task FailedAsync(ClaimedWork work, IServiceProvider services, string replica, Exception error, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A claimed row: its id and organization (null for system work such as periodic jobs), or a name.</summary>
public sealed record ClaimedWork(long Id, Guid? OrganizationId, string? Name = null);
