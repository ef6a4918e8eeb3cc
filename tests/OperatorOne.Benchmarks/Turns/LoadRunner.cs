using System.Diagnostics;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>What one load step measured: turns completed, how many failed, their latencies (ms, sorted) and the step's length.</summary>
internal sealed record LoadResult(int Turns, int Failed, double[] LatenciesMs, TimeSpan Elapsed)
{
    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    // Nearest rank: the smallest latency with at least p% of the samples at or below it.
    public double Percentile(int p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Clamp((int)Math.Ceiling(p / 100.0 * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];
}

/// <summary>The two ways of loading the bot: paced at a fixed rate (open loop) and as fast as N senders go (closed loop).</summary>
internal static class LoadRunner
{
    /// <summary>
    /// Sends at <paramref name="rate"/> per second whatever the answers do, and measures each turn from the moment it
    /// was due, not from when it was sent: a stalled bot cannot hide its backlog (no coordinated omission).
    /// </summary>
    public static async Task<LoadResult> PacedAsync(Func<CancellationToken, Task<bool>> send, int rate, TimeSpan length, CancellationToken cancellationToken)
    {
        var count = Math.Max(1, (int)(rate * length.TotalSeconds));
        var turns = new Task<(double Ms, bool Ok)>[count];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = i * 1000.0 / rate;
            var wait = due - clock.Elapsed.TotalMilliseconds;
            if (wait >= 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken);
            }
            turns[i] = Task.Run(() => TimedAsync(send, clock, due, cancellationToken), cancellationToken);
        }
        var done = await Task.WhenAll(turns);
        return Result(done, clock.Elapsed);
    }

    /// <summary>Each of <paramref name="senders"/> sends its next turn as soon as the last is answered, for <paramref name="length"/>.</summary>
    public static async Task<LoadResult> ClosedAsync(Func<CancellationToken, Task<bool>> send, int senders, TimeSpan length, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            var mine = new List<(double, bool)>();
            while (clock.Elapsed < length)
            {
                mine.Add(await TimedAsync(send, clock, clock.Elapsed.TotalMilliseconds, cancellationToken));
            }
            return mine;
        }, cancellationToken)).ToArray();
        var done = (await Task.WhenAll(workers)).SelectMany(w => w).ToArray();
        return Result(done, clock.Elapsed);
    }

    /// <summary>Exactly <paramref name="turns"/> turns from <paramref name="senders"/> senders; <paramref name="progress"/> sees each turn's number.</summary>
    public static async Task<LoadResult> CountedAsync(
        Func<long, CancellationToken, Task<bool>> send, int senders, long turns, Action<long> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long next = 0, failed = 0;
        var workers = Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n <= turns; n = Interlocked.Increment(ref next))
            {
                if (!await SafeAsync(token => send(n, token), cancellationToken))
                {
                    Interlocked.Increment(ref failed);
                }
                progress(n);
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        return new LoadResult((int)turns, (int)failed, [], clock.Elapsed);
    }

    private static async Task<(double Ms, bool Ok)> TimedAsync(Func<CancellationToken, Task<bool>> send, Stopwatch clock, double dueMs, CancellationToken cancellationToken)
    {
        var ok = await SafeAsync(send, cancellationToken);
        return (clock.Elapsed.TotalMilliseconds - dueMs, ok);
    }

    /// <summary>A refused connection or a timeout is a failed turn, not the end of the run.</summary>
    private static async Task<bool> SafeAsync(Func<CancellationToken, Task<bool>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static LoadResult Result((double Ms, bool Ok)[] turns, TimeSpan elapsed)
    {
        var latencies = turns.Select(t => t.Ms).ToArray();
        Array.Sort(latencies);
        return new LoadResult(turns.Length, turns.Count(t => !t.Ok), latencies, elapsed);
    }
}
