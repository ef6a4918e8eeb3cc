using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Channels.Slack;

/// <summary>Drains the Slack inbox, a few turns at a time, each in its own DI scope (its own DbContext).</summary>
internal sealed class SlackInboxWorker(SlackInbox inbox, IServiceScopeFactory scopes, ILogger<SlackInboxWorker> logger) : BackgroundService
{
    private const int Parallelism = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Parallel.ForEachAsync(inbox.ReadAllAsync(stoppingToken),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
                ProcessAsync);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; what is still queued was acknowledged and is dropped, as Slack would after a crash.
        }
    }

    private async ValueTask ProcessAsync(SlackWork work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var turns = scope.ServiceProvider.GetRequiredService<SlackTurns>();
        try
        {
            await turns.ProcessAsync(work, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "A Slack {Kind} from {Team} failed", work.Kind, work.TeamId);
            try
            {
                await turns.AnswerAsync(work, [Activity.Message("Sorry, something went wrong on my side. Please try again.")], cancellationToken);
            }
            catch (Exception answerError) when (answerError is not OperationCanceledException)
            {
                logger.LogWarning(answerError, "Could not tell the Slack user about the failure");
            }
        }
    }
}
