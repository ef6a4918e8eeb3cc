using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Ai;

/// <summary>The real bot with Llm:Provider AzureOpenAI pointing at the stand-in answering a deployment's path.</summary>
public sealed class AzureOpenAiFixture : IAsyncLifetime
{
    public BotHost Host { get; } = new();
    public OpenAiStandIn Model { get; } = new() { CompletionsPath = "/openai/deployments/ops-gpt4o/chat/completions" };

    public async ValueTask InitializeAsync()
    {
        await Model.StartAsync();
        Host.Settings["Llm:Provider"] = "AzureOpenAI";
        Host.Settings["Llm:BaseUrl"] = Model.BaseAddress.ToString();
        Host.Settings["Llm:Deployment"] = "ops-gpt4o";
        Host.Settings["Llm:ApiVersion"] = "2024-10-21";
        Host.Settings["Llm:ApiKey"] = "azure-stand-in-key";
        Host.Settings["Llm:Model"] = "gpt-4o";
        await Host.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Model.DisposeAsync();
    }
}
