using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Runs in every replica: claims pending slack_inbox rows (op_claim_slack_inbox, FOR UPDATE SKIP LOCKED) and runs
/// each as a turn in its own DI scope. A crashed replica's claims expire after the lease and run elsewhere; the
/// pipeline's delivery de-duplication keeps a turn that did commit from running twice.
/// </summary>
internal sealed class SlackInboxWorker(SlackInbox inbox, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SlackInboxWorker> logger)
    : BackgroundService
{
    private const int Batch = 4;
    private const int LeaseSeconds = 120;
    private const int MaxAttempts = 3;
    private const int KeepHours = 48;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);
    private readonly string _worker = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeWhenDueAsync(stoppingToken);
                var claimed = await ClaimAsync(stoppingToken);
                await Task.WhenAll(claimed.Select(row => RunAsync(row, stoppingToken)));
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
                logger.LogWarning(ex, "Slack inbox poll failed; retrying");
            }
            try
            {
                await inbox.WaitAsync(Poll, stoppingToken);
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
            .SqlQuery<ClaimedRow>($"SELECT id AS \"Id\", organization_id AS \"OrganizationId\" FROM op_claim_slack_inbox({_worker}, {Batch}, {LeaseSeconds})")
            .ToListAsync(cancellationToken);
    }

    private async Task RunAsync(ClaimedRow row, CancellationToken cancellationToken)
    {
        await using var bookkeeping = scopes.CreateAsyncScope();
        var db = bookkeeping.ServiceProvider.GetRequiredService<OperatorOneDb>();
        await db.UseOrganizationAsync(row.OrganizationId, cancellationToken);
        var item = await db.SlackInbox.SingleOrDefaultAsync(i => i.Id == row.Id && i.ClaimedBy == _worker && i.Status == SlackInboxStatus.Pending, cancellationToken);
        if (item is null)
        {
            return;
        }
        item.Attempts++;
        SlackWork? work = null;
        try
        {
            work = inbox.Read(item.Payload);
            await using var turnScope = scopes.CreateAsyncScope();
            await turnScope.ServiceProvider.GetRequiredService<SlackTurns>().ProcessAsync(work, cancellationToken);
            item.Status = SlackInboxStatus.Done;
            item.ProcessedAt = clock.GetUtcNow();
            item.Payload = SlackInbox.Spent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Slack inbox item {Id} failed (attempt {Attempt})", item.Id, item.Attempts);
            item.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
            if (work is null || item.Attempts >= MaxAttempts)
            {
                item.Status = SlackInboxStatus.Failed;
                item.ProcessedAt = clock.GetUtcNow();
                item.Payload = SlackInbox.Spent;
                await TellUserAsync(work, cancellationToken);
            }
            else
            {
                item.NextAttemptAt = clock.GetUtcNow().AddSeconds(5 * item.Attempts);
            }
        }
        item.ClaimedBy = null;
        item.ClaimedUntil = null;
        // The turn is done or recorded as failed; stopping now must not lose that, so the bookkeeping is not cancelled.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task TellUserAsync(SlackWork? work, CancellationToken cancellationToken)
    {
        if (work is null)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SlackTurns>()
                .AnswerAsync(work, [Activity.Message("Sorry, something went wrong on my side. Please try again.")], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not tell the Slack user about the failure");
        }
    }

    private async Task PurgeWhenDueAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() < _nextPurge)
        {
            return;
        }
        _nextPurge = clock.GetUtcNow() + PurgeEvery;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OperatorOneDb>().Database.ExecuteSqlAsync($"SELECT op_purge_slack_inbox({KeepHours})", cancellationToken);
    }

    /// <summary>On shutdown, hand back what this replica claimed but did not run, so another replica takes it at once.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OperatorOneDb>().Database.ExecuteSqlAsync($"SELECT op_release_slack_inbox({_worker})", cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The container is already gone (host torn down); the claims are released by their lease instead.
        }
    }

    internal sealed record ClaimedRow(long Id, Guid OrganizationId);
}
