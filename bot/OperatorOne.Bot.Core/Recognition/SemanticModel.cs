namespace OperatorOne.Bot.Core.Recognition;

/// <summary>A loaded embedder with the index of examples it embedded (and a classifier trained on them): ranks a sentence's likeliest tools.</summary>
public sealed class SemanticModel(ISentenceEmbedder embedder, IntentIndex index, IntentClassifier? classifier = null, IntentScoring scoring = IntentScoring.Blend)
{
    public ISentenceEmbedder Embedder => embedder;

    public IntentIndex Index => index;

    public IntentClassifier? Classifier => classifier;

    /// <summary>How long training the classifier took (zero without one), for the log and the benchmark.</summary>
    public TimeSpan Training { get; private init; }

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
        IntentClassifier.Settings? settings = null)
    {
        var vectors = new List<float[]>(examples.Count);
        foreach (var batch in examples.Chunk(32))
        {
            vectors.AddRange(embedder.Embed([.. batch.Select(e => e.Text)], cancellationToken));
        }
        var trained = scoring is IntentScoring.Classifier or IntentScoring.Ensemble;
        var index = new IntentIndex(examples, [.. vectors], trained ? IntentScoring.Blend : scoring);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var classifier = trained ? IntentClassifier.Train(examples, [.. vectors], settings) : null;
        return new SemanticModel(embedder, index, classifier, scoring) { Training = System.Diagnostics.Stopwatch.GetElapsedTime(started) };
    }
}
