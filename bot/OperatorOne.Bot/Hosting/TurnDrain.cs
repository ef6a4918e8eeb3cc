using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Bot.Hosting;

/// <summary>
/// Before any hosted service stops: stop taking work (readiness fails at once) and wait for the requests and turns in
/// flight to commit. Runs first because it is a lifecycle hook; SIGTERM's ApplicationStopping closes the gate even earlier.
/// </summary>
internal sealed class TurnDrain(InFlightTurns turns, IHostApplicationLifetime lifetime, IOptions<ShutdownOptions> options, ILogger<TurnDrain> logger)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(turns.StopAccepting);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        turns.StopAccepting();
        var running = turns.Count;
        if (running == 0)
        {
            return;
        }
        logger.LogInformation("Stopping: waiting for {Count} requests and turns in flight", running);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.Value.DrainBudget);
        if (!await turns.DrainAsync(budget.Token))
        {
            logger.LogWarning("Stopping: {Count} requests and turns still running after {Seconds} s are abandoned; their transactions roll back",
                turns.Count, options.Value.DrainBudget.TotalSeconds);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
