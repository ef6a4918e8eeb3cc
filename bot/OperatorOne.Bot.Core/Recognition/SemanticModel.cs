namespace OperatorOne.Bot.Core.Recognition;

/// <summary>A loaded embedder with the index of examples it embedded: ranks a sentence's likeliest tools.</summary>
public sealed class SemanticModel(ISentenceEmbedder embedder, IntentIndex index)
{
    public ISentenceEmbedder Embedder => embedder;

    public IntentIndex Index => index;

    public IReadOnlyList<IntentScore> Rank(string text) => index.Rank(embedder.Embed([text], CancellationToken.None)[0]);

    /// <summary>Embeds <paramref name="examples"/> (the slow part: seconds for a thousand) into a ready model.</summary>
    public static SemanticModel Build(ISentenceEmbedder embedder, IReadOnlyList<IntentExample> examples, IntentScoring scoring, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>(examples.Count);
        foreach (var batch in examples.Chunk(32))
        {
            vectors.AddRange(embedder.Embed([.. batch.Select(e => e.Text)], cancellationToken));
        }
        return new SemanticModel(embedder, new IntentIndex(examples, [.. vectors], scoring));
    }
}
