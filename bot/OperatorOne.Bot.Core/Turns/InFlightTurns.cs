namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// Counts the turns this replica is running, so a stopping replica can refuse new work, wait for these to commit,
/// and only then let the host stop. <see cref="Abandoned"/> fires if the shutdown deadline passes first.
/// </summary>
public sealed class InFlightTurns : IDisposable
{
    private readonly CancellationTokenSource _abandoned = new();
    private readonly object _gate = new();
    private TaskCompletionSource _idle = Idle();
    private int _count;
    private volatile bool _draining;

    public int Count => Volatile.Read(ref _count);

    /// <summary>True once shutdown has begun: readiness fails and channels answer new requests with 503.</summary>
    public bool IsDraining => _draining;

    /// <summary>
    /// For turns that outlive their request (a Teams turn after its acknowledgement): cancelled only when the
    /// replica gives up waiting, not when shutdown begins, so an accepted turn gets its chance to finish.
    /// </summary>
    public CancellationToken Abandoned => _abandoned.Token;

    /// <summary>A turn already accepted always runs; dispose the lease when it has committed or failed.</summary>
    public IDisposable Enter()
    {
        lock (_gate)
        {
            if (_count++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        return new Lease(this);
    }

    public void StopAccepting() => _draining = true;

    /// <summary>Completes once no turn is running (at once when none is): what a drain, or a test of what a request started, waits for.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stops accepting turns and waits for those running; when <paramref name="deadline"/> fires first, abandons them.</summary>
    public async Task<bool> DrainAsync(CancellationToken deadline)
    {
        StopAccepting();
        Task idle;
        lock (_gate)
        {
            idle = _idle.Task;
        }
        try
        {
            await idle.WaitAsync(deadline);
            return true;
        }
        catch (OperationCanceledException)
        {
            await _abandoned.CancelAsync();
            return false;
        }
    }

    private void Exit()
    {
        lock (_gate)
        {
            if (--_count == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Idle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.SetResult();
        return idle;
    }

    public void Dispose() => _abandoned.Dispose();

    private sealed class Lease(InFlightTurns turns) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                turns.Exit();
            }
        }
    }
}
