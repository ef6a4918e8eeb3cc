namespace OperatorOne.Bot.Core.Recognition;

/// <summary>A sentence known to mean a tool: a labelled line, or the tool's own help example.</summary>
public sealed record IntentExample(string Tool, string Text);

/// <summary>How likely a sentence means a tool, 0–1 (cosine similarity to the tool's examples, or that averaged with the classifier's probability).</summary>
public sealed record IntentScore(string Tool, double Score)
{
    /// <summary>How near the sentence is to the tool's examples, whatever <see cref="Score"/> adds: a probability says which tool, not whether any.</summary>
    public double Similarity { get; init; } = Score;
}
