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
/// pattern explains it, names checked against 2,000 known names), the same for the messages that needed the model, a restart
/// that reads the cached index and classifier, the patterns alone on the turn benchmark's three sentences, and the
/// process's memory.
/// </summary>
internal static class NluBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] TurnSentences = ["help", "show my tickets", "open a ticket: the printer on floor 2 is jammed"];

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

        // A restart: the same examples read back from the cache instead of embedded and trained.
        var cache = Path.Combine(Path.GetTempPath(), "operatorone-benchmark-cache", Guid.NewGuid().ToString("N"));
        SemanticModel.Build(embedder, examples, scoring, CancellationToken.None, cacheFolder: cache);
        var restart = Stopwatch.StartNew();
        var cached = SemanticModel.Build(embedder, examples, scoring, CancellationToken.None, cacheFolder: cache);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"restart with the cached index and classifier: {restart.Elapsed.TotalMilliseconds:0} ms (read from cache: {cached.FromCache})"));
        Directory.Delete(cache, recursive: true);

        var thresholds = new UnderstandingThresholds();
        var names = Names();
        var texts = lines.Select(l => l.Text).ToList();
        foreach (var text in texts.Take(100))
        {
            SentenceReader.Read(text, registry.All, Now, TimeZoneInfo.Utc, model, thresholds, names);
        }
        var all = new List<double>();
        var semantic = new List<double>();
        var clock = new Stopwatch();
        for (var i = 0; i < arguments.Queries; i++)
        {
            var text = texts[i % texts.Count];
            clock.Restart();
            var understanding = SentenceReader.Read(text, registry.All, Now, TimeZoneInfo.Utc, model, thresholds, names);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            all.Add(elapsed);
            if (understanding.Kind != UnderstandingKind.Pattern)
            {
                semantic.Add(elapsed);
            }
        }
        output.WriteLine(Percentiles("every message", all));
        output.WriteLine(Percentiles("messages no pattern explains", semantic));
        // The patterns alone on the turn benchmark's sentences: what every turn pays before any model or name.
        foreach (var text in TurnSentences)
        {
            var patterns = new List<double>();
            for (var i = 0; i < arguments.Queries; i++)
            {
                clock.Restart();
                UtteranceReader.Read(text, registry.All, Now);
                patterns.Add(clock.Elapsed.TotalMilliseconds);
            }
            output.WriteLine(Percentiles($"the patterns alone, \"{text}\"", patterns));
        }
        GC.Collect();
        var process = Process.GetCurrentProcess();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: working set {process.WorkingSet64 / 1048576.0:0} MB ({(process.WorkingSet64 - before) / 1048576.0:0} MB for the model and index), managed heap {GC.GetTotalMemory(false) / 1048576.0:0} MB"));
        output.WriteLine($"load average: {LoadAverage()}");
        return 0;
    }

    /// <summary>A larger book than the demo's, so the per-turn name matching is measured at a size a small business reaches.</summary>
    private static Gazetteer Names() => new(
        ["Ada Admin", "Mia Member", "Max Miller", "Olivia Owner", "Victor Viewer", .. Enumerable.Range(1, 95).Select(i => $"Member{i} Surname{i}")],
        ["Acme", "Initech", "Globex", "Staples", .. Enumerable.Range(1, 496).Select(i => $"Company {i}")],
        ["Dana Lee", "Jo Park", .. Enumerable.Range(1, 1000).Select(i => $"Person{i} Lastname{i}")],
        ["Acme renewal", .. Enumerable.Range(1, 399).Select(i => $"Deal {i}")]);

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
