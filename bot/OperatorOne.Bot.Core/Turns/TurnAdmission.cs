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

    /// <summary>How many of those work at once, the others waiting on a model or a business's endpoint; 0: <see cref="TurnAdmission.ForCores"/>.</summary>
    public int MaxWorking { get; set; }
}

/// <summary>
/// How many turns of this replica run at once. A running turn holds one pooled connection from its first statement to its
/// commit, so more turns than connections would only queue inside Npgsql's pool, where a turn waits 15 s and fails — and
/// so would the writes that store and settle acknowledged turns, which then strand. Past the limit a turn waits here, in
/// arrival order, holding no connection; the wait counts against its channel's budget like a slow turn, so a turn still
/// waiting when the budget runs out is stored and acknowledged, and runs when a slot frees. What is left of the pool (the
/// reserve) is for what must never wait behind turns: storing and settling them, the outbox, heartbeats and claims.
/// Of the running turns only <see cref="WorkingLimit"/> work at once: a turn waiting on a model's answer or a business's
/// endpoint steps aside (<see cref="AwayAsync{T}"/>) and lets another work meanwhile. Past a few turns per core, more of
/// them working at once only share the same cores (and PostgreSQL's) and thrash: at 128 senders, 75 turns at once ran
/// a fifth slower than 32 did (README, Performance).
/// </summary>
public sealed class TurnAdmission
{
    private static readonly AsyncLocal<Slot?> CurrentSlot = new();
    private readonly object _gate = new();
    private readonly Queue<TaskCompletionSource<IDisposable>> _waiting = new();
    private readonly Queue<TaskCompletionSource> _returning = new();
    private int _running;
    private int _working;

    public TurnAdmission(int limit) : this(limit, limit)
    {
    }

    public TurnAdmission(int limit, int workingLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(workingLimit, 1);
        Limit = limit;
        WorkingLimit = Math.Min(workingLimit, limit);
    }

    /// <summary>Turns that may hold a connection at once.</summary>
    public int Limit { get; }

    /// <summary>Turns that may work at once; the rest of <see cref="Limit"/> is for turns waiting on something outside.</summary>
    public int WorkingLimit { get; }

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

    /// <summary>Turns waiting for a slot now, or to work again after a wait outside.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count(w => !w.Task.IsCompleted) + _returning.Count;
            }
        }
    }

    /// <summary>Connections of the pool kept from turns: a quarter of it, at least four.</summary>
    public static int Reserve(int poolSize) => Math.Max(4, poolSize / 4);

    /// <summary>The default limit for a pool of <paramref name="poolSize"/> connections (at least one turn).</summary>
    public static int ForPool(int poolSize) => Math.Max(1, poolSize - Reserve(poolSize));

    /// <summary>The default number of working turns: eight a core keeps the cores busy while turns wait on the disk's flush.</summary>
    public static int ForCores(int processorCount) => 8 * Math.Max(1, processorCount);

    /// <summary>The configured limits, else ones derived from the Maximum Pool Size of the turns' connection string and the cores.</summary>
    public static TurnAdmission Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TurnOptions>>().Value;
        var working = options.MaxWorking > 0 ? options.MaxWorking : ForCores(Environment.ProcessorCount);
        if (options.MaxRunning > 0)
        {
            return new TurnAdmission(options.MaxRunning, working);
        }
        using var scope = services.CreateScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<OperatorOneDb>().Database.GetConnectionString();
        return new TurnAdmission(ForPool(new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize), working);
    }

    /// <summary>Runs <paramref name="turn"/> in a slot, waiting for one first come first served.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> turn, CancellationToken cancellationToken)
    {
        using var slot = await EnterAsync(cancellationToken);
        // Set here, in the method that awaits the turn, so the turn's own awaits see it (an async local flows down only).
        CurrentSlot.Value = (Slot)slot;
        return await turn();
    }

    /// <summary>Waits for a slot, first come first served; dispose it when the turn no longer needs its connection.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<IDisposable> waiter;
        lock (_gate)
        {
            if (_running < Limit && _working < WorkingLimit && _waiting.Count == 0 && _returning.Count == 0)
            {
                _running++;
                _working++;
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

    /// <summary>
    /// Waits on something outside (a model, a business's endpoint) without counting as working, when called within a turn
    /// run by <see cref="RunAsync{T}"/>; the turn keeps its connection and works again before turns not yet started.
    /// </summary>
    public static async Task<T> AwayAsync<T>(Func<Task<T>> wait)
    {
        if (CurrentSlot.Value is not { } slot || !slot.StepAside())
        {
            return await wait();
        }
        try
        {
            return await wait();
        }
        finally
        {
            await slot.ComeBackAsync();
        }
    }

    /// <summary>As <see cref="AwayAsync{T}"/>, for a wait with no result.</summary>
    public static Task AwayAsync(Func<Task> wait) => AwayAsync(async () =>
    {
        await wait();
        return true;
    });

    private void Leave(bool working)
    {
        lock (_gate)
        {
            _running--;
            if (working)
            {
                _working--;
            }
            Admit();
        }
    }

    /// <summary>Hands freed slots out, returning turns first (each holds a connection and maybe locks), then new ones in order.</summary>
    private void Admit()
    {
        while (_working < WorkingLimit && _returning.TryDequeue(out var back))
        {
            _working++;
            back.SetResult();
        }
        while (_running < Limit && _working < WorkingLimit && _waiting.TryDequeue(out var next))
        {
            // The slot passes straight to the next waiter, so nobody arriving meanwhile overtakes it.
            if (next.TrySetResult(new Slot(this)))
            {
                _running++;
                _working++;
            }
        }
    }

    private sealed class Slot(TurnAdmission admission) : IDisposable
    {
        private int _disposed;
        private bool _away;

        public bool StepAside()
        {
            lock (admission._gate)
            {
                if (_away || _disposed != 0)
                {
                    return false;
                }
                _away = true;
                admission._working--;
                admission.Admit();
                return true;
            }
        }

        public Task ComeBackAsync()
        {
            lock (admission._gate)
            {
                _away = false;
                if (admission._working < admission.WorkingLimit && admission._returning.Count == 0)
                {
                    admission._working++;
                    return Task.CompletedTask;
                }
                var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                admission._returning.Enqueue(back);
                return back.Task;
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                bool working;
                lock (admission._gate)
                {
                    working = !_away;
                }
                admission.Leave(working);
            }
        }
    }
}
