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
        var section = builder.Configuration.GetSection("Llm");
        builder.Services.AddOptions<LlmOptions>().Bind(section)
            .Validate(o => string.IsNullOrEmpty(o.Provider) || o.Provider is "OpenAI" or "Ollama", "Llm:Provider must be OpenAI or Ollama.")
            .Validate(o => o.TimeoutSeconds > 0 && o.MaxOutputTokens > 0, "Llm:TimeoutSeconds and Llm:MaxOutputTokens must be positive.")
            .ValidateOnStart();
        if (string.IsNullOrEmpty(section["Provider"]))
        {
            return builder;
        }
        builder.Services.AddChatClient(services => CreateClient(services.GetRequiredService<IOptions<LlmOptions>>().Value))
            .UseFunctionInvocation(configure: client => client.MaximumIterationsPerRequest = 6);
        builder.Services.Replace(ServiceDescriptor.Scoped<IRecognizer, LlmRecognizer>());
        return builder;
    }

    private static IChatClient CreateClient(LlmOptions options) => options.Provider switch
    {
        "Ollama" => new OllamaApiClient(options.BaseUrl ?? new Uri("http://localhost:11434"), options.Model),
        _ => new OpenAI.Chat.ChatClient(options.Model, new ApiKeyCredential(options.ApiKey ?? "none"), new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            // The recognizer falls back within the turn; retries would only spend the channel's deadline.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        }).AsIChatClient(),
    };
}
