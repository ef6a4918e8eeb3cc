using System.Diagnostics;
using System.Globalization;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>One turn kind through one channel: latency at each paced rate, throughput per number of senders, and its cost in SQL.</summary>
internal sealed record StepResult(
    string Kind, string Channel, IReadOnlyList<(int Rate, LoadResult Load)> Paced, IReadOnlyList<(int Senders, LoadResult Load)> Closed,
    TurnCost Cost, TurnCpu Cpu, long Turns, long Failed, long MissingReplies);

/// <summary>Everything a run measured, with the bot's memory at start and end and during the long run, and the model step.</summary>
internal sealed record TurnResults(
    IReadOnlyList<StepResult> Steps, double StartMegabytes, double EndMegabytes, IReadOnlyList<(long Turns, double Megabytes)> LongRun,
    LoadResult? LongRunLoad, long LongRunMissing)
{
    public ModelStepResult? Model { get; init; }
}

/// <summary>
/// Runs each turn kind through each channel: a warm-up, the closed-loop steps (whose turns the SQL cost is counted
/// over, after the database's statistics have settled), then the paced steps; and waits for every push reply before
/// moving on, so one step's deliveries never load the next.
/// </summary>
internal sealed class TurnMeasurement(
    TurnPlan plan, HttpClient http, DatabaseCounters counters, ProcessCpu cpu, Func<double> residentMegabytes, TextWriter log)
{
    private static readonly TimeSpan ReplyPatience = TimeSpan.FromSeconds(120);

    public async Task<TurnResults> RunAsync(IReadOnlyList<ITurnChannel> channels, int? longRunTurns, CancellationToken cancellationToken)
    {
        var start = residentMegabytes();
        var idle = await IdleRateAsync(cancellationToken);
        var missingSoFar = channels.ToDictionary(c => c, _ => 0L);
        var steps = new List<StepResult>();
        foreach (var kind in TurnKind.All)
        {
            foreach (var channel in channels)
            {
                var step = await MeasureAsync(kind, channel, idle, missingSoFar[channel], cancellationToken);
                missingSoFar[channel] += step.MissingReplies;
                steps.Add(step);
                log.WriteLine(Invariant($"{kind.Name,-16} {channel.Name,-9} closed {string.Join(" ", step.Closed.Select(c => $"{c.Senders}:{c.Load.TurnsPerSecond:F0}/s"))}")
                    + Invariant($"  paced {string.Join(" ", step.Paced.Select(p => $"{p.Rate}/s:{p.Load.Percentile(50):F1}/{p.Load.Percentile(99):F1}ms"))}")
                    + Invariant($"  stmts {step.Cost.StatementsPerTurn:F1} xacts {step.Cost.TransactionsPerTurn:F2} resets {step.Cost.ResetsPerTurn:F1}")
                    + Invariant($"  cpu ms/turn bot {step.Cpu.Bot:F2} db {step.Cpu.Database:F2} load {step.Cpu.Load:F2}  failed {step.Failed} no-reply {step.MissingReplies}  rss {residentMegabytes():F0} MB"));
            }
        }
        var end = residentMegabytes();
        if (longRunTurns is not { } total)
        {
            return new TurnResults(steps, start, end, [], null, 0);
        }
        var (load, rss, missing) = await LongRunAsync(channels, total, missingSoFar, cancellationToken);
        return new TurnResults(steps, start, end, rss, load, missing);
    }

    private async Task<StepResult> MeasureAsync(TurnKind kind, ITurnChannel channel, (double?, double) idle, long missingBefore, CancellationToken cancellationToken)
    {
        long sequence = 0;
        Task<bool> Send(CancellationToken token) => channel.SendAsync(http, kind.Text(Interlocked.Increment(ref sequence)), token);
        await LoadRunner.ClosedAsync(Send, 8, plan.WarmUp, cancellationToken);
        await AwaitRepliesAsync(channel, missingBefore, cancellationToken);
        await Task.Delay(plan.StatisticsSettle, cancellationToken);
        var before = await counters.ReadAsync(cancellationToken);
        var cpuBefore = cpu.Read();
        var closed = new List<(int, LoadResult)>();
        foreach (var senders in plan.Concurrencies)
        {
            closed.Add((senders, await LoadRunner.ClosedAsync(Send, senders, plan.StepLength, cancellationToken)));
        }
        var cpuAfter = cpu.Read();
        // Pushed replies are part of a turn's cost; checking the others would read the database inside the window.
        if (channel.RepliesFollowTheAnswer)
        {
            await AwaitRepliesAsync(channel, missingBefore, cancellationToken);
        }
        await Task.Delay(plan.StatisticsSettle, cancellationToken);
        var after = await counters.ReadAsync(cancellationToken);
        var paced = new List<(int, LoadResult)>();
        foreach (var rate in plan.PacedRates)
        {
            paced.Add((rate, await LoadRunner.PacedAsync(Send, rate, plan.StepLength, cancellationToken)));
        }
        var missing = await AwaitRepliesAsync(channel, missingBefore, cancellationToken);
        var measured = closed.Sum(c => (long)c.Item2.Turns);
        return new StepResult(kind.Name, channel.Name, paced, closed, TurnCost.Between(before, after, measured, idle),
            TurnCpu.Between(cpuBefore, cpuAfter, measured),
            Interlocked.Read(ref sequence), closed.Concat(paced).Sum(s => (long)s.Item2.Failed), missing);
    }

    /// <summary>Mixed turns over every channel and kind from eight senders, with the bot's memory every tenth of the way.</summary>
    private async Task<(LoadResult, List<(long, double)>, long)> LongRunAsync(
        IReadOnlyList<ITurnChannel> channels, long total, Dictionary<ITurnChannel, long> missingSoFar, CancellationToken cancellationToken)
    {
        var every = Math.Max(1, total / 10);
        var rss = new List<(long, double)> { (0, residentMegabytes()) };
        var clock = Stopwatch.StartNew();
        var load = await LoadRunner.CountedAsync((n, token) =>
        {
            var kind = TurnKind.All[(int)(n / channels.Count % TurnKind.All.Count)];
            return channels[(int)(n % channels.Count)].SendAsync(http, kind.Text(n), token);
        }, 8, total, n =>
        {
            if (n % every == 0)
            {
                var megabytes = residentMegabytes();
                lock (rss)
                {
                    rss.Add((n, megabytes));
                }
                log.WriteLine(Invariant($"long run: {n:N0} turns, {n / clock.Elapsed.TotalSeconds:F0}/s, bot RSS {megabytes:F0} MB"));
            }
        }, cancellationToken);
        long missing = 0;
        foreach (var channel in channels)
        {
            missing += await AwaitRepliesAsync(channel, missingSoFar[channel], cancellationToken);
        }
        return (load, [.. rss.OrderBy(r => r.Item1)], missing);
    }

    /// <summary>Waits until every turn sent through the channel has its reply; returns how many still had none at the deadline.</summary>
    private async Task<long> AwaitRepliesAsync(ITurnChannel channel, long missingBefore, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReplyPatience;
        while (true)
        {
            var missing = await channel.MissingRepliesAsync(http, cancellationToken) - missingBefore;
            if (missing <= 0 || DateTime.UtcNow > deadline)
            {
                return Math.Max(0, missing);
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>What the bot's background work (heartbeats, queue polls) costs per second with no turns.</summary>
    private async Task<(double?, double)> IdleRateAsync(CancellationToken cancellationToken)
    {
        var before = await counters.ReadAsync(cancellationToken);
        await Task.Delay(plan.StatisticsSettle + plan.StepLength, cancellationToken);
        var after = await counters.ReadAsync(cancellationToken);
        var seconds = (after.At - before.At).TotalSeconds;
        return ((after.Statements - before.Statements) / seconds, Math.Max(0, after.Transactions - before.Transactions - 1) / seconds);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
