using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Work;

/// <summary>A scan that runs every <see cref="Interval"/> on one replica at a time (approval expiry, SLA, reminders, purge).</summary>
public interface IPeriodicJob
{
    string Name { get; }
    TimeSpan Interval { get; }
    Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>The periodic jobs as a work queue: a due job's row is claimed, the job runs, and its next run is set.</summary>
internal sealed class PeriodicJobs(IEnumerable<IPeriodicJob> jobs, TimeProvider clock) : IWorkQueue
{
    private readonly Dictionary<string, IPeriodicJob> _jobs = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);
    private bool _registered;

    public string Name => "jobs";

    public int Batch => 4;

    public async Task<IReadOnlyList<ClaimedWork>> ClaimAsync(OperatorOneDb db, string replica, int count, WorkOptions options, CancellationToken cancellationToken)
    {
        if (!_registered)
        {
            foreach (var job in _jobs.Keys)
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO periodic_jobs (name, next_run_at) VALUES ({job}, {clock.GetUtcNow()}) ON CONFLICT (name) DO NOTHING", cancellationToken);
            }
            _registered = true;
        }
        var names = _jobs.Keys.ToArray();
        var due = await db.Database.SqlQuery<string>($"""
            UPDATE periodic_jobs SET claimed_by = {replica}, claimed_at = now()
             WHERE name IN (SELECT name FROM periodic_jobs
                             WHERE name = ANY({names}) AND next_run_at <= {clock.GetUtcNow()}
                               AND op_claim_is_dead(claimed_by, claimed_at, {options.ReplicaTimeoutSeconds}, {options.MaxHoldSeconds})
                             LIMIT {count}
                             FOR UPDATE SKIP LOCKED)
            RETURNING name AS "Value"
            """).ToListAsync(cancellationToken);
        return due.Select(name => new ClaimedWork(0, null, name)).ToList();
    }

    public async Task RunAsync(ClaimedWork work, IServiceProvider services, string replica, CancellationToken cancellationToken)
    {
        var job = _jobs[work.Name!];
        string? error = null;
        try
        {
            await job.RunAsync(services, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
        }
        var db = services.GetRequiredService<OperatorOneDb>();
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE periodic_jobs SET claimed_by = NULL, claimed_at = NULL, last_run_at = {now}, next_run_at = {now + job.Interval}, last_error = {error}
             WHERE name = {job.Name} AND claimed_by = {replica}
            """, CancellationToken.None);
    }
}
