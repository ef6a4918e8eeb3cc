namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Sentences to unit-length vectors whose dot product is their similarity of meaning. The real one (a MiniLM model in
/// ONNX) lives in OperatorOne.Bot.Embeddings, so Bot.Core carries no model; without one the recognizer uses patterns only.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>The name of the model, for logs and the benchmark.</summary>
    string Model { get; }

    float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken);
}
