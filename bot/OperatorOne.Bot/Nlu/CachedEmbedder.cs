using System.Collections.Concurrent;
using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Bot.Nlu;

/// <summary>Embeds each distinct sentence once per run: cross-validation rebuilds the index per fold from the same vectors.</summary>
internal sealed class CachedEmbedder(ISentenceEmbedder inner) : ISentenceEmbedder
{
    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public string Model => inner.Model;

    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken)
    {
        var missing = sentences.Where(s => !_vectors.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var batch in missing.Chunk(32))
        {
            var vectors = inner.Embed(batch, cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                _vectors[batch[i]] = vectors[i];
            }
        }
        return [.. sentences.Select(s => _vectors[s])];
    }
}
