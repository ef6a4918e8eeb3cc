using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Ai;

/// <summary>The real bot with Llm:Provider Ollama pointing at the local /api/chat stand-in.</summary>
public sealed class OllamaFixture : IAsyncLifetime
{
    public BotHost Host { get; } = new();
    public OllamaStandIn Model { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Model.StartAsync();
        Host.Settings["Llm:Provider"] = "Ollama";
        Host.Settings["Llm:BaseUrl"] = Model.BaseAddress.ToString();
        Host.Settings["Llm:Model"] = "llama3.2";
        Host.Settings["Llm:Prices:llama3.2:InputPerMillion"] = "0";
        await Host.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Model.DisposeAsync();
    }
}
