using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Outbox;

/// <summary>
/// Runs in every replica: claims due outbox rows with FOR UPDATE SKIP LOCKED (through op_claim_outbox) and
/// delivers each under its own organization. A crashed replica's claims expire after the lease and are retried.
/// On stop it claims nothing more, lets the deliveries in flight finish (until the host's deadline) and releases the rest.
/// </summary>
internal sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    private const int Batch = 20;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ReleaseBudget = TimeSpan.FromSeconds(5);
    private readonly string _worker = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    // Deliveries are not cancelled when stopping begins, only when the host's shutdown deadline passes.
    private readonly CancellationTokenSource _abandon = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await ClaimAsync(stoppingToken);
                await Task.WhenAll(claimed.Select(row => DeliverAsync(row, _abandon.Token)));
                if (claimed.Count == Batch)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox poll failed; retrying");
            }
            try
            {
                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<List<ClaimedRow>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        return await db.Database
            .SqlQuery<ClaimedRow>($"SELECT id AS \"Id\", organization_id AS \"OrganizationId\" FROM op_claim_outbox({_worker}, {Batch}, {options.Value.LeaseSeconds})")
            .ToListAsync(cancellationToken);
    }

    private async Task DeliverAsync(ClaimedRow row, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var delivery = scope.ServiceProvider.GetRequiredService<OutboxDelivery>();
        try
        {
            await delivery.DeliverAsync(row.Id, row.OrganizationId, _worker, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Outbox message {Id} abandoned at shutdown; it is released for another replica", row.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Outbox message {Id} could not be processed; it will be retried after its lease", row.Id);
        }
    }

    /// <summary>On shutdown, hand back what this replica claimed but did not send, so another replica takes it at once.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using (cancellationToken.Register(_abandon.Cancel))
        {
            await base.StopAsync(cancellationToken);
        }
        try
        {
            // The host's deadline may have passed already; the release still gets a few seconds of its own.
            using var budget = new CancellationTokenSource(ReleaseBudget);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
            await db.Database.ExecuteSqlAsync($"SELECT op_release_outbox({_worker})", budget.Token);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or Npgsql.NpgsqlException or OperationCanceledException)
        {
            // The container or database is already gone; the claims' leases expire and another replica takes them.
            logger.LogInformation("Outbox claims not released on stop ({Reason}); their leases will expire", ex.GetType().Name);
        }
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    internal sealed record ClaimedRow(long Id, Guid OrganizationId);
}
