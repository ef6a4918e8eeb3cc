namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Every example sentence as a vector, grouped by tool; a new sentence is scored against each tool by similarity.
/// Built once per process from the tools' help examples and the labelled lines, so new tools' phrasings count at start.
/// </summary>
public sealed class IntentIndex
{
    private readonly float[] _vectors;
    private readonly string[] _tools;
    private readonly Dictionary<string, float[]> _centroids;
    private readonly int _dimensions;

    public IntentIndex(IReadOnlyList<IntentExample> examples, float[][] vectors, IntentScoring scoring = IntentScoring.TopTwo)
    {
        if (examples.Count != vectors.Length || vectors.Length == 0)
        {
            throw new ArgumentException("One vector per example, and at least one example.", nameof(vectors));
        }
        Scoring = scoring;
        _dimensions = vectors[0].Length;
        _vectors = new float[vectors.Length * _dimensions];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i].CopyTo(_vectors, i * _dimensions);
        }
        _tools = [.. examples.Select(e => e.Tool)];
        _centroids = examples.Select((e, i) => (e.Tool, Vector: vectors[i])).GroupBy(x => x.Tool, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Normalized(Mean(g.Select(x => x.Vector).ToList())), StringComparer.Ordinal);
    }

    public IntentScoring Scoring { get; }

    public int Count => _tools.Length;

    /// <summary>Every tool with examples, best first.</summary>
    public IReadOnlyList<IntentScore> Rank(float[] sentence)
    {
        if (Scoring == IntentScoring.Centroid)
        {
            return [.. _centroids.Select(c => new IntentScore(c.Key, Dot(sentence, c.Value, 0))).OrderByDescending(s => s.Score)];
        }
        var best = new Dictionary<string, (double First, double Second)>(StringComparer.Ordinal);
        for (var i = 0; i < _tools.Length; i++)
        {
            var similarity = Dot(sentence, _vectors, i * _dimensions);
            var (first, second) = best.GetValueOrDefault(_tools[i], (-1, -1));
            best[_tools[i]] = similarity > first ? (similarity, first) : (first, Math.Max(second, similarity));
        }
        return [.. best
            .Select(b => new IntentScore(b.Key, Combine(b.Value.First, b.Value.Second, Scoring == IntentScoring.Blend ? Dot(sentence, _centroids[b.Key], 0) : 0)))
            .OrderByDescending(s => s.Score)];
    }

    private double Combine(double first, double second, double centroid)
    {
        var nearest = Scoring == IntentScoring.Nearest || second < 0 ? first : (first + second) / 2;
        return Scoring == IntentScoring.Blend ? (nearest + centroid) / 2 : nearest;
    }

    private static double Dot(float[] a, float[] b, int offset)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[offset + i];
        }
        return sum;
    }

    private static float[] Mean(List<float[]> vectors)
    {
        var mean = new float[vectors[0].Length];
        foreach (var vector in vectors)
        {
            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] += vector[i] / vectors.Count;
            }
        }
        return mean;
    }

    private static float[] Normalized(float[] vector)
    {
        var length = MathF.Sqrt(vector.Sum(x => x * x));
        return length == 0 ? vector : [.. vector.Select(x => x / length)];
    }
}
