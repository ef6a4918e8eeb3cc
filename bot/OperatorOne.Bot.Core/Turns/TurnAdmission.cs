using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>The "Turns" settings section.</summary>
public sealed class TurnOptions
{
    public const string Section = "Turns";

    /// <summary>How many turns this replica runs at once; 0: the connection pool's size less <see cref="TurnAdmission.Reserve"/>.</summary>
    public int MaxRunning { get; set; }
}

/// <summary>
/// How many turns of this replica run at once. A running turn holds one pooled connection from its first statement to its
/// commit, so more turns than connections would only queue inside Npgsql's pool, where a turn waits 15 s and fails — and
/// so would the writes that store and settle acknowledged turns, which then strand. Past the limit a turn waits here, in
/// arrival order, holding no connection; the wait counts against its channel's budget like a slow turn, so a turn still
/// waiting when the budget runs out is stored and acknowledged, and runs when a slot frees. What is left of the pool (the
/// reserve) is for what must never wait behind turns: storing and settling them, the outbox, heartbeats and claims.
/// </summary>
public sealed class TurnAdmission
{
    private readonly object _gate = new();
    private readonly Queue<TaskCompletionSource<IDisposable>> _waiting = new();
    private int _running;

    public TurnAdmission(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
    }

    public int Limit { get; }

    /// <summary>Turns holding a slot now.</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Turns waiting for a slot now.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count(w => !w.Task.IsCompleted);
            }
        }
    }

    /// <summary>Connections of the pool kept from turns: a quarter of it, at least four.</summary>
    public static int Reserve(int poolSize) => Math.Max(4, poolSize / 4);

    /// <summary>The default limit for a pool of <paramref name="poolSize"/> connections (at least one turn).</summary>
    public static int ForPool(int poolSize) => Math.Max(1, poolSize - Reserve(poolSize));

    /// <summary>The configured limit, else one derived from the Maximum Pool Size of the connection string the turns use.</summary>
    public static TurnAdmission Create(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<TurnOptions>>().Value.MaxRunning is > 0 and var configured)
        {
            return new TurnAdmission(configured);
        }
        using var scope = services.CreateScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<OperatorOneDb>().Database.GetConnectionString();
        return new TurnAdmission(ForPool(new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize));
    }

    /// <summary>Waits for a slot, first come first served; dispose it when the turn no longer needs its connection.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<IDisposable> waiter;
        lock (_gate)
        {
            if (_running < Limit && _waiting.Count == 0)
            {
                _running++;
                return new Slot(this);
            }
            waiter = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter);
        }
        // A cancelled waiter stays queued and is skipped when its turn comes.
        await using (cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken)))
        {
            return await waiter.Task;
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            while (_waiting.TryDequeue(out var next))
            {
                // The slot passes straight to the next waiter, so nobody arriving meanwhile overtakes it.
                if (next.TrySetResult(new Slot(this)))
                {
                    return;
                }
            }
            _running--;
        }
    }

    private sealed class Slot(TurnAdmission admission) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                admission.Release();
            }
        }
    }
}
