namespace OperatorOne.Bot.Core.Ai;

/// <summary>The "Llm" settings. With no provider the built-in recognizer answers every turn.</summary>
public sealed class LlmOptions
{
    /// <summary>OpenAI (any OpenAI-compatible endpoint through <see cref="BaseUrl"/>) or Ollama; empty turns the LLM off.</summary>
    public string? Provider { get; set; }
    public Uri? BaseUrl { get; set; }
    public string? ApiKey { get; set; }
    public string Model { get; set; } = "gpt-4o-mini";
    public float Temperature { get; set; } = 0.2f;
    public int MaxOutputTokens { get; set; } = 800;

    /// <summary>Past this the turn falls back to the built-in recognizer, well inside every channel's deadline.</summary>
    public int TimeoutSeconds { get; set; } = 20;
}
