using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Ai;

/// <summary>The real bot with Llm settings pointing at the local OpenAI stand-in; shared by the AI test classes.</summary>
public sealed class LlmFixture : IAsyncLifetime
{
    public BotHost Host { get; } = new();
    public OpenAiStandIn Model { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Model.StartAsync();
        // Long enough for a first model call on a loaded 2-core CI machine (3 s timed out there); the slow-provider
        // test holds the answer instead of racing this figure.
        Model.Configure(Host.Settings, timeoutSeconds: 10);
        Host.Settings["Llm:Prices:stand-in-model:InputPerMillion"] = "2.50";
        Host.Settings["Llm:Prices:stand-in-model:OutputPerMillion"] = "10";
        Host.Settings["Llm:Memory:TokenBudget"] = "40";
        Host.Settings["Llm:Memory:SummarizeAfterTokens"] = "50";
        // Custom tools the model calls point at a stand-in order system on loopback, which only the allow-list permits.
        Host.Settings["Integrations:AllowedHosts:0"] = "127.0.0.1";
        await Host.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Model.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LlmCollection : ICollectionFixture<LlmFixture>
{
    public const string Name = "llm";
}
