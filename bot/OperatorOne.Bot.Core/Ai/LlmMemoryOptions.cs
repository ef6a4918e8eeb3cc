namespace OperatorOne.Bot.Core.Ai;

/// <summary>"Llm:Memory": how much of the conversation the model sees, and when older turns get summarized.</summary>
public sealed class LlmMemoryOptions
{
    /// <summary>Estimated tokens of earlier turns sent with each request; the oldest are dropped first.</summary>
    public int TokenBudget { get; set; } = 1500;

    /// <summary>The estimate: one token per this many characters (rounded up).</summary>
    public int CharactersPerToken { get; set; } = 4;

    /// <summary>Dropped turns are folded into the summary once this many estimated tokens of them are not yet in it.</summary>
    public int SummarizeAfterTokens { get; set; } = 300;

    /// <summary>How many earlier transcript messages are read at most.</summary>
    public int MaxMessages { get; set; } = 60;
}
