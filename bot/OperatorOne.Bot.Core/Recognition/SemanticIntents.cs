using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// The semantic step, loaded once per process in the background: until the model and its index are ready
/// <see cref="Current"/> is null and the recognizer answers with patterns alone, so the bot is ready at once.
/// </summary>
public sealed class SemanticIntents(ToolRegistry registry, IEnumerable<ISentenceEmbedder> embedders, IOptions<UnderstandingThresholds> options,
    ILogger<SemanticIntents> logger)
{
    /// <summary>One model per process and set of examples, however many hosts (tests start many) ask for it.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Task<SemanticModel>>> Loaded = new(StringComparer.Ordinal);

    /// <summary>What ships: the choice that won in eval-nlu --compare (README, Recognition).</summary>
    public const IntentScoring Scoring = IntentScoring.Ensemble;

    private Task<SemanticModel>? _loading;

    public SemanticModel? Current => _loading is { IsCompletedSuccessfully: true } done ? done.Result : null;

    /// <summary>Starts loading (once) and returns at once.</summary>
    public Task<SemanticModel>? Start()
    {
        if (_loading is not null || embedders.FirstOrDefault() is not { } embedder)
        {
            return _loading;
        }
        var examples = IntentExamples.From(registry.All, LabelledLine.Bundled());
        var key = $"{embedder.Model}|{examples.Count}|{string.Join('\n', examples.Select(e => e.Tool + '\t' + e.Text)).GetHashCode(StringComparison.Ordinal)}";
        var lazy = Loaded.GetOrAdd(key, _ => new Lazy<Task<SemanticModel>>(() => Task.Run(() => Build(embedder, examples))));
        _loading = lazy.Value;
        _loading.ContinueWith(t => logger.LogError(t.Exception, "The sentence model failed to load; recognition stays on patterns"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return _loading;
    }

    private SemanticModel Build(ISentenceEmbedder embedder, IReadOnlyList<IntentExample> examples)
    {
        var stopwatch = Stopwatch.StartNew();
        var folder = options.Value.Cache is { Length: > 0 } configured ? configured : SemanticCache.DefaultFolder();
        var model = SemanticModel.Build(embedder, examples, Scoring, CancellationToken.None, cacheFolder: folder);
        logger.LogInformation("Sentence model {Model} ready: {Examples} examples of {Tools} tools in {Elapsed} ms ({How})",
            embedder.Model, examples.Count, examples.Select(e => e.Tool).Distinct().Count(), stopwatch.ElapsedMilliseconds,
            model.FromCache ? $"index and classifier read from {folder}" : $"classifier trained in {(long)model.Training.TotalMilliseconds} ms");
        return model;
    }
}
