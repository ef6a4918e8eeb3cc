using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Tests.Nlu;

/// <summary>A hand-written embedder for unit tests: one dimension per word, so similarity is word overlap.</summary>
internal sealed class WordEmbedder : ISentenceEmbedder
{
    private const int Dimensions = 512;

    public string Model => "words";

    public int Calls { get; private set; }

    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken)
    {
        Calls++;
        return [.. sentences.Select(Vector)];
    }

    private static float[] Vector(string sentence)
    {
        var vector = new float[Dimensions];
        foreach (var word in sentence.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            vector[(int)((uint)StableHash(word.Trim(',', '.', '?', '!')) % Dimensions)] += 1;
        }
        var length = MathF.Sqrt(vector.Sum(x => x * x));
        return length == 0 ? vector : [.. vector.Select(x => x / length)];
    }

    private static int StableHash(string word) => word.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
}
