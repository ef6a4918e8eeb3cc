namespace OperatorOne.Bot.Core.Recognition;

/// <summary>A loaded embedder with the index of examples it embedded (and a classifier trained on them): ranks a sentence's likeliest tools.</summary>
public sealed class SemanticModel(ISentenceEmbedder embedder, IntentIndex index, IntentClassifier? classifier = null, IntentScoring scoring = IntentScoring.Blend)
{
    public ISentenceEmbedder Embedder => embedder;

    public IntentIndex Index => index;

    public IntentClassifier? Classifier => classifier;

    /// <summary>How long training the classifier took (zero without one), for the log and the benchmark.</summary>
    public TimeSpan Training { get; private init; }

    /// <summary>Read from <see cref="SemanticCache"/> rather than embedded and trained.</summary>
    public bool FromCache { get; private init; }

    public IReadOnlyList<IntentScore> Rank(string text) => Rank(embedder.Embed([text], CancellationToken.None)[0]);

    public IReadOnlyList<IntentScore> Rank(float[] sentence)
    {
        var similar = index.Rank(sentence);
        if (classifier is null)
        {
            return similar;
        }
        var probabilities = classifier.Probabilities(sentence);
        var probability = classifier.Tools.Select((t, i) => (t, p: probabilities[i])).ToDictionary(x => x.t, x => (double)x.p, StringComparer.Ordinal);
        return [.. similar
            .Select(s => s with { Similarity = s.Score, Score = scoring == IntentScoring.Classifier ? probability.GetValueOrDefault(s.Tool) : (s.Score + probability.GetValueOrDefault(s.Tool)) / 2 })
            .OrderByDescending(s => s.Score)];
    }

    /// <summary>Embeds <paramref name="examples"/> (the slow part: seconds for a thousand) into a ready model, training the classifier if the scoring uses one.</summary>
    public static SemanticModel Build(ISentenceEmbedder embedder, IReadOnlyList<IntentExample> examples, IntentScoring scoring, CancellationToken cancellationToken,
        IntentClassifier.Settings? settings = null, string? cacheFolder = null)
    {
        var trained = scoring is IntentScoring.Classifier or IntentScoring.Ensemble;
        var key = cacheFolder is null ? null : SemanticCache.Key(embedder.Model, examples, scoring, settings ?? new IntentClassifier.Settings());
        if (cacheFolder is not null && key is not null && SemanticCache.TryLoad(cacheFolder, key, examples.Count) is { } cached && (cached.Classifier is not null || !trained))
        {
            var cachedIndex = new IntentIndex(examples, cached.Vectors, trained ? IntentScoring.Blend : scoring);
            return new SemanticModel(embedder, cachedIndex, cached.Classifier, scoring) { FromCache = true };
        }
        var built = Build(embedder, examples, scoring, trained, settings, cancellationToken);
        if (cacheFolder is not null && key is not null)
        {
            SemanticCache.TrySave(cacheFolder, key, built.Vectors, built.Model.Classifier);
        }
        return built.Model;
    }

    private static (SemanticModel Model, float[][] Vectors) Build(ISentenceEmbedder embedder, IReadOnlyList<IntentExample> examples, IntentScoring scoring, bool trained,
        IntentClassifier.Settings? settings, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>(examples.Count);
        foreach (var batch in examples.Chunk(32))
        {
            vectors.AddRange(embedder.Embed([.. batch.Select(e => e.Text)], cancellationToken));
        }
        var index = new IntentIndex(examples, [.. vectors], trained ? IntentScoring.Blend : scoring);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var classifier = trained ? IntentClassifier.Train(examples, [.. vectors], settings) : null;
        return (new SemanticModel(embedder, index, classifier, scoring) { Training = System.Diagnostics.Stopwatch.GetElapsedTime(started) }, [.. vectors]);
    }
}
