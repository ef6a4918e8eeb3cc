using Microsoft.Extensions.DependencyInjection;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>Where a turn started within a budget stands: finished with its result, or still running past the budget.</summary>
public readonly record struct BudgetedTurn<T>(bool Finished, T? Result);

/// <summary>
/// Runs a turn that may outlive the request that started it (a model thinking past a channel's deadline): in its own
/// DI scope, counted in flight so a stopping replica waits for it, and cancelled only when the replica abandons its
/// turns, never with the request. The channel answers its request either way once the budget runs out.
/// </summary>
public sealed class DetachedTurns(IServiceScopeFactory scopes, InFlightTurns inFlight)
{
    /// <summary>
    /// The turn's result when it finishes within <paramref name="budget"/>; otherwise it goes on, and a later failure can
    /// only be reported to <paramref name="lateFailure"/>, since nobody awaits it any more.
    /// </summary>
    public async Task<BudgetedTurn<T>> RunWithinAsync<T>(TimeSpan budget, Func<IServiceProvider, CancellationToken, Task<T>> turn,
        Action<Exception> lateFailure, CancellationToken cancellationToken)
    {
        var lease = inFlight.Enter();
        var running = Task.Run(() => RunInScopeAsync(turn, lease), CancellationToken.None);
        if (await Task.WhenAny(running, Task.Delay(budget, cancellationToken)) == running)
        {
            return new BudgetedTurn<T>(true, await running);
        }
        _ = running.ContinueWith(failed => lateFailure(failed.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        cancellationToken.ThrowIfCancellationRequested();
        return new BudgetedTurn<T>(false, default);
    }

    private async Task<T> RunInScopeAsync<T>(Func<IServiceProvider, CancellationToken, Task<T>> turn, IDisposable lease)
    {
        using (lease)
        {
            await using var scope = scopes.CreateAsyncScope();
            return await turn(scope.ServiceProvider, inFlight.Abandoned);
        }
    }
}
