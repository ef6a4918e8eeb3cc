using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Work;

/// <summary>
/// Runs in every replica: beats the replica's heartbeat, and for each registered <see cref="IWorkQueue"/> claims due
/// rows (when signalled, else every poll interval), runs each in its own DI scope, and claims again. A killed replica
/// stops beating and its claims go to the others within <see cref="WorkOptions.ReplicaTimeoutSeconds"/>; a stopping
/// replica claims nothing more, lets the work in hand finish until the host's deadline, then deletes its heartbeat,
/// which frees whatever it still held at once.
/// </summary>
internal sealed class WorkLoop(IEnumerable<IWorkQueue> queues, IServiceScopeFactory scopes, WorkSignal signal, ReplicaId replica,
    IOptions<WorkOptions> options, TimeProvider clock, ILogger<WorkLoop> logger) : BackgroundService
{
    private static readonly TimeSpan ReleaseBudget = TimeSpan.FromSeconds(5);

    // Work in hand is not cancelled when stopping begins, only when the host's shutdown deadline passes.
    private readonly CancellationTokenSource _abandon = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await BeatAsync(stoppingToken);
        var loops = queues.Select(queue => RunQueueAsync(queue, stoppingToken)).Append(HeartbeatAsync(stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await BeatAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO replicas (id, started_at, seen_at) VALUES ({replica.Value}, now(), now())
                ON CONFLICT (id) DO UPDATE SET seen_at = now()
                """, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The database is away; claims held meanwhile may pass to others, which the work itself tolerates.
            logger.LogWarning("Heartbeat failed: {Reason}", ex.Message);
        }
    }

    /// <summary>
    /// Keeps up to <see cref="IWorkQueue.Batch"/> rows in hand and claims more as each one settles, so one slow row (a
    /// channel that answers at its timeout) holds only its own slot, never the rows due after it. Claims again when woken,
    /// when the poll interval passes, or when a slot frees after a claim that came back full (more may be due).
    /// </summary>
    private async Task RunQueueAsync(IWorkQueue queue, CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        var running = new List<Task>();
        var claim = true;
        Task<bool>? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(task => task.IsCompleted);
            var room = queue.Batch - running.Count;
            if (claim && room > 0)
            {
                try
                {
                    var claimed = await ClaimAsync(queue, room, stoppingToken);
                    running.AddRange(claimed.Select(work => RunAsync(queue, work)));
                    claim = claimed.Count == room;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    logger.LogWarning("{Queue}: claiming failed, retrying: {Reason}", queue.Name, ex.Message);
                    claim = false;
                }
            }
            // A wake-up not yet come is kept across slots freeing: abandoned, it would swallow the next signal.
            wake ??= signal.WaitAsync(queue.Name, poll, stoppingToken);
            try
            {
                await (running.Count == 0 ? (Task)wake : Task.WhenAny(running.Append(wake)));
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (wake.IsCompleted)
            {
                wake = null;
                claim = true;
            }
        }
        // Work in hand finishes (RunAsync never throws); the host's deadline cancels it through _abandon.
        await Task.WhenAll(running);
    }

    private async Task<IReadOnlyList<ClaimedWork>> ClaimAsync(IWorkQueue queue, int count, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        return await queue.ClaimAsync(db, replica.Value, count, options.Value, cancellationToken);
    }

    private async Task RunAsync(IWorkQueue queue, ClaimedWork work)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await queue.RunAsync(work, scope.ServiceProvider, replica.Value, _abandon.Token);
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            logger.LogInformation("{Queue} item {Id} abandoned at shutdown; another replica takes it", queue.Name, work.Name ?? work.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex)
        {
            var id = work.Name ?? work.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            logger.LogError(ex, "{Queue} item {Id} failed; it is retried later", queue.Name, id);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await queue.FailedAsync(work, scope.ServiceProvider, replica.Value, ex, _abandon.Token);
            }
            catch (Exception settle) when (settle is not OperationCanceledException)
            {
                // The database is away too: the claim dies with MaxHoldSeconds and another attempt follows.
                logger.LogError(settle, "{Queue} item {Id} could not be released; it is retried once its claim dies", queue.Name, id);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using (cancellationToken.Register(_abandon.Cancel))
        {
            await base.StopAsync(cancellationToken);
        }
        try
        {
            // The host's deadline may have passed already; handing back gets a few seconds of its own.
            using var budget = new CancellationTokenSource(ReleaseBudget);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
            await db.Database.ExecuteSqlAsync($"DELETE FROM replicas WHERE id = {replica.Value}", budget.Token);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or Npgsql.NpgsqlException or OperationCanceledException)
        {
            logger.LogInformation("Claims not handed back on stop ({Reason}); they pass on when the heartbeat times out", ex.GetType().Name);
        }
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }
}
