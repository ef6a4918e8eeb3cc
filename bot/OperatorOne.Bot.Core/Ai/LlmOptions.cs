namespace OperatorOne.Bot.Core.Ai;

/// <summary>The "Llm" settings. With no provider the built-in recognizer answers every turn.</summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>OpenAI (any OpenAI-compatible endpoint through <see cref="BaseUrl"/>), AzureOpenAI or Ollama; empty turns the LLM off.</summary>
    public string? Provider { get; set; }

    /// <summary>The provider's address; for Azure OpenAI the resource endpoint (https://NAME.openai.azure.com/).</summary>
    public Uri? BaseUrl { get; set; }
    public string? ApiKey { get; set; }

    /// <summary>Azure OpenAI only: the deployment to call and the REST api-version.</summary>
    public string? Deployment { get; set; }
    public string ApiVersion { get; set; } = "2024-10-21";

    /// <summary>Defaults; an organization's own model, temperature and output cap win.</summary>
    public string Model { get; set; } = "gpt-4o-mini";
    public float Temperature { get; set; } = 0.2f;
    public int MaxOutputTokens { get; set; } = 800;

    /// <summary>Past this the turn falls back to the built-in recognizer, well inside every channel's deadline.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>Longer messages are not sent to the provider; the built-in recognizer reads them.</summary>
    public int MaxInputCharacters { get; set; } = 4000;

    /// <summary>Regular expressions for national id numbers to redact, e.g. a US SSN: \b\d{3}-\d{2}-\d{4}\b.</summary>
    public List<string> NationalIdPatterns { get; set; } = [];

    /// <summary>Values a reply must never contain (the API key is always included).</summary>
    public List<string> Secrets { get; set; } = [];

    public LlmBudgetOptions Budget { get; set; } = new();
    public LlmMemoryOptions Memory { get; set; } = new();

    /// <summary>Model id → USD per million input and output tokens; a model not listed costs 0.</summary>
    public Dictionary<string, LlmPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
