using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>The results as a markdown table for the README, and as JSON for the smoke test.</summary>
internal static class TurnReport
{
    public static void Write(TurnResults results, TurnPlan plan, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"| turn | channel | {string.Join(" | ", plan.PacedRates.Select(r => $"paced {r}/s p50 / p99 ms"))} | "
            + $"{string.Join(" | ", plan.Concurrencies.Select(c => $"closed {c} turns/s"))} | SQL statements / turn | transactions / turn | CPU ms / turn: bot / PostgreSQL | failed / no reply |");
        output.WriteLine($"|---|---|{string.Concat(Enumerable.Repeat("---:|", plan.PacedRates.Length + plan.Concurrencies.Length + 4))}");
        foreach (var step in results.Steps)
        {
            var paced = step.Paced.Select(p => Invariant($"{Milliseconds(p.Load.Percentile(50))} / {Milliseconds(p.Load.Percentile(99))}"));
            var closed = step.Closed.Select(c => Invariant($"{c.Load.TurnsPerSecond:F0}"));
            var statements = step.Cost.StatementsPerTurn is { } s ? Invariant($"{s:F1}") : "n/a";
            output.WriteLine(Invariant($"| {step.Kind} | {step.Channel} | {string.Join(" | ", paced)} | {string.Join(" | ", closed)} | ")
                + Invariant($"{statements} | {step.Cost.TransactionsPerTurn:F2} | {step.Cpu.Bot:F1} / {(step.Cpu.Database is { } db ? db.ToString("F1", CultureInfo.InvariantCulture) : "n/a")} | {step.Failed} / {step.MissingReplies} |"));
        }
        output.WriteLine();
        output.WriteLine(Invariant($"bot RSS: {results.StartMegabytes:F0} MB at start, {results.EndMegabytes:F0} MB after {results.Steps.Sum(s => s.Turns):N0} turns"));
        if (results.Model is { } model)
        {
            output.WriteLine(model.Summary);
        }
        if (results.LongRunLoad is { } load)
        {
            output.WriteLine(Invariant($"long run: {load.Turns:N0} mixed turns at 8 senders, {load.TurnsPerSecond:F0} turns/s, {load.Failed} failed, {results.LongRunMissing} without a reply"));
            output.WriteLine($"| turns | {string.Join(" | ", results.LongRun.Select(r => r.Turns.ToString("N0", CultureInfo.InvariantCulture)))} |");
            output.WriteLine($"|---|{string.Concat(Enumerable.Repeat("---:|", results.LongRun.Count))}");
            output.WriteLine($"| bot RSS MB | {string.Join(" | ", results.LongRun.Select(r => r.Megabytes.ToString("F0", CultureInfo.InvariantCulture)))} |");
        }
    }

    public static async Task WriteJsonAsync(TurnResults results, string path, CancellationToken cancellationToken)
    {
        var json = new JsonObject
        {
            ["startMegabytes"] = results.StartMegabytes,
            ["endMegabytes"] = results.EndMegabytes,
            ["steps"] = new JsonArray([.. results.Steps.Select(s => (JsonNode)new JsonObject
            {
                ["kind"] = s.Kind,
                ["channel"] = s.Channel,
                ["turns"] = s.Turns,
                ["failed"] = s.Failed,
                ["missingReplies"] = s.MissingReplies,
                ["statementsPerTurn"] = s.Cost.StatementsPerTurn,
                ["transactionsPerTurn"] = s.Cost.TransactionsPerTurn,
                ["poolResetsPerTurn"] = s.Cost.ResetsPerTurn,
                ["cpuMsPerTurn"] = new JsonObject { ["bot"] = s.Cpu.Bot, ["database"] = s.Cpu.Database, ["load"] = s.Cpu.Load },
                ["paced"] = new JsonArray([.. s.Paced.Select(p => (JsonNode)Load(p.Load, "rate", p.Rate))]),
                ["closed"] = new JsonArray([.. s.Closed.Select(c => (JsonNode)Load(c.Load, "senders", c.Senders))]),
            })]),
            ["longRun"] = new JsonArray([.. results.LongRun.Select(r => (JsonNode)new JsonObject { ["turns"] = r.Turns, ["megabytes"] = r.Megabytes })]),
            ["model"] = results.Model is not { } model ? null : new JsonObject
            {
                ["members"] = model.Members,
                ["modelSeconds"] = model.ModelSeconds,
                ["posted"] = model.Posted,
                ["replied"] = model.Replied,
                ["modelRequests"] = model.ModelRequests,
                ["slowestPostSeconds"] = model.SlowestPostSeconds,
                ["allRepliedSeconds"] = model.AllRepliedSeconds,
            },
        };
        await File.WriteAllTextAsync(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
    }

    private static JsonObject Load(LoadResult load, string name, int value) => new()
    {
        [name] = value,
        ["turns"] = load.Turns,
        ["failed"] = load.Failed,
        ["turnsPerSecond"] = load.TurnsPerSecond,
        ["p50Ms"] = load.Percentile(50),
        ["p99Ms"] = load.Percentile(99),
    };

    private static string Milliseconds(double ms) => ms >= 1000 ? Invariant($"{ms / 1000:F1} s") : Invariant($"{ms:F1}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
