using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OpenAI;
using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Bot.Core.Ai;

public static class AiHosting
{
    /// <summary>The LLM recognizer when "Llm:Provider" is set; otherwise nothing changes and the built-in one answers.</summary>
    public static IHostApplicationBuilder AddAi(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(LlmOptions.Section);
        builder.Services.AddOptions<LlmOptions>().Bind(section)
            .Validate(o => string.IsNullOrEmpty(o.Provider) || o.Provider is "OpenAI" or "AzureOpenAI" or "Ollama", "Llm:Provider must be OpenAI, AzureOpenAI or Ollama.")
            .Validate(o => o.Provider != "AzureOpenAI" || (o.BaseUrl is not null && !string.IsNullOrEmpty(o.Deployment) && !string.IsNullOrEmpty(o.ApiKey)),
                "Llm:Provider AzureOpenAI needs Llm:BaseUrl (the resource endpoint), Llm:Deployment and Llm:ApiKey.")
            .Validate(o => o.Memory.TokenBudget >= 0 && o.Memory.CharactersPerToken > 0 && o.Memory.MaxMessages >= 0 && o.Memory.SummarizeAfterTokens > 0,
                "Llm:Memory settings must not be negative; CharactersPerToken and SummarizeAfterTokens must be positive.")
            .Validate(o => o.Budget.DailyTokens >= 0 && o.Budget.MonthlyTokens >= 0 && o.Budget.DailyCostUsd >= 0 && o.Budget.MonthlyCostUsd >= 0
                && o.Prices.Values.All(p => p.InputPerMillion >= 0 && p.OutputPerMillion >= 0), "Llm:Budget caps and Llm:Prices must not be negative.")
            .Validate(o => o.TimeoutSeconds > 0 && o.MaxOutputTokens > 0, "Llm:TimeoutSeconds and Llm:MaxOutputTokens must be positive.")
            .ValidateOnStart();
        if (string.IsNullOrEmpty(section["Provider"]))
        {
            return builder;
        }
        builder.Services.AddChatClient(services => CreateClient(services.GetRequiredService<IOptions<LlmOptions>>().Value))
            .UseFunctionInvocation(configure: client => client.MaximumIterationsPerRequest = 6)
            .Use(inner => new TurnAsideChatClient(inner));
        builder.Services.Replace(ServiceDescriptor.Scoped<IRecognizer, LlmRecognizer>());
        return builder;
    }

    private static IChatClient CreateClient(LlmOptions options) => options.Provider switch
    {
        "Ollama" => new OllamaApiClient(options.BaseUrl ?? new Uri("http://localhost:11434"), options.Model),
        "AzureOpenAI" => CreateAzureClient(options),
        _ => new OpenAI.Chat.ChatClient(options.Model, new ApiKeyCredential(options.ApiKey ?? "none"), new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            // The recognizer falls back within the turn; retries would only spend the channel's deadline.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        }).AsIChatClient(),
    };

    /// <summary>Azure OpenAI speaks chat-completions at /openai/deployments/{deployment}/chat/completions?api-version=….</summary>
    private static IChatClient CreateAzureClient(LlmOptions options)
    {
        var key = options.ApiKey ?? "";
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.BaseUrl!, $"openai/deployments/{Uri.EscapeDataString(options.Deployment!)}"),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        clientOptions.AddPolicy(new AzureOpenAiPolicy(options.ApiVersion, key), PipelinePosition.BeforeTransport);
        return new OpenAI.Chat.ChatClient(options.Deployment, new ApiKeyCredential(key), clientOptions).AsIChatClient();
    }
}
