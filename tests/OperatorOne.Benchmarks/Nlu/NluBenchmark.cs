using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Hosting;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Embeddings;
using OperatorOne.Skills;

namespace OperatorOne.Benchmarks.Nlu;

/// <summary>
/// `nlu [--queries 2000] [--scoring Blend]`: the built-in recognizer's cold start (model load and index), then p50/p99 per message once
/// warm over the labelled phrasings (every one read as a turn reads it: patterns, then the sentence model when no
/// pattern explains it), the same for the messages that needed the model, and the process's memory.
/// </summary>
internal static class NluBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    public static int Run(BenchmarkArguments arguments, TextWriter output)
    {
        output.WriteLine($"load average: {LoadAverage()}");
        var builder = Host.CreateApplicationBuilder();
        builder.AddBotCore();
        builder.AddSkills();
        var registry = new ToolRegistry(builder.Services.Where(d => d.ServiceType == typeof(ToolDefinition) && d.ImplementationInstance is ToolDefinition)
            .Select(d => (ToolDefinition)d.ImplementationInstance!));
        var lines = LabelledLine.Bundled();
        var before = Process.GetCurrentProcess().WorkingSet64;

        var cold = Stopwatch.StartNew();
        var embedder = EmbeddingsHosting.Create();
        embedder.Embed(["warm"], CancellationToken.None);
        var modelLoaded = cold.Elapsed;
        var examples = IntentExamples.From(registry.All, lines);
        var scoring = arguments.Scoring is { } named ? Enum.Parse<IntentScoring>(named, ignoreCase: true) : SemanticIntents.Scoring;
        var model = SemanticModel.Build(embedder, examples, scoring, CancellationToken.None);
        var ready = cold.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cold start ({scoring}): model {modelLoaded.TotalMilliseconds:0} ms, index of {examples.Count} examples {(ready - modelLoaded).TotalMilliseconds:0} ms (of which training the classifier {model.Training.TotalMilliseconds:0} ms), ready after {ready.TotalMilliseconds:0} ms"));

        var thresholds = new UnderstandingThresholds();
        var texts = lines.Select(l => l.Text).ToList();
        foreach (var text in texts.Take(100))
        {
            SentenceReader.Read(text, registry.All, Now, TimeZoneInfo.Utc, model, thresholds);
        }
        var all = new List<double>();
        var semantic = new List<double>();
        var clock = new Stopwatch();
        for (var i = 0; i < arguments.Queries; i++)
        {
            var text = texts[i % texts.Count];
            clock.Restart();
            var understanding = SentenceReader.Read(text, registry.All, Now, TimeZoneInfo.Utc, model, thresholds);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            all.Add(elapsed);
            if (understanding.Kind != UnderstandingKind.Pattern)
            {
                semantic.Add(elapsed);
            }
        }
        output.WriteLine(Percentiles("every message", all));
        output.WriteLine(Percentiles("messages no pattern explains", semantic));
        GC.Collect();
        var process = Process.GetCurrentProcess();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: working set {process.WorkingSet64 / 1048576.0:0} MB ({(process.WorkingSet64 - before) / 1048576.0:0} MB for the model and index), managed heap {GC.GetTotalMemory(false) / 1048576.0:0} MB"));
        output.WriteLine($"load average: {LoadAverage()}");
        return 0;
    }

    private static string Percentiles(string name, List<double> samples)
    {
        if (samples.Count == 0)
        {
            return $"{name}: none";
        }
        samples.Sort();
        double At(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{name}: n={samples.Count} p50 {At(0.50):0.00} ms, p95 {At(0.95):0.00} ms, p99 {At(0.99):0.00} ms, max {samples[^1]:0.00} ms");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
