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
        if (Scoring is IntentScoring.BlendThree or IntentScoring.VoteBlend)
        {
            return RankBy(sentence);
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

    private const int Neighbours = 8;
    private const double VoteTemperature = 0.05;

    private IReadOnlyList<IntentScore> RankBy(float[] sentence)
    {
        var similarities = new double[_tools.Length];
        for (var i = 0; i < _tools.Length; i++)
        {
            similarities[i] = Dot(sentence, _vectors, i * _dimensions);
        }
        var order = Enumerable.Range(0, _tools.Length).OrderByDescending(i => similarities[i]).ToList();
        Dictionary<string, double> part;
        if (Scoring == IntentScoring.BlendThree)
        {
            part = order.GroupBy(i => _tools[i], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Take(3).Average(i => similarities[i]), StringComparer.Ordinal);
        }
        else
        {
            var nearest = order.Take(Neighbours).ToList();
            var top = similarities[nearest[0]];
            var weights = nearest.ToDictionary(i => i, i => Math.Exp((similarities[i] - top) / VoteTemperature));
            var total = weights.Values.Sum();
            part = nearest.GroupBy(i => _tools[i], StringComparer.Ordinal).ToDictionary(g => g.Key,
                g => g.Sum(i => weights[i] * similarities[i]) / g.Sum(i => weights[i]) * (g.Sum(i => weights[i]) / total), StringComparer.Ordinal);
        }
        return [.. _centroids.Select(c => new IntentScore(c.Key, (part.GetValueOrDefault(c.Key, 0) + Dot(sentence, c.Value, 0)) / 2)).OrderByDescending(s => s.Score)];
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
