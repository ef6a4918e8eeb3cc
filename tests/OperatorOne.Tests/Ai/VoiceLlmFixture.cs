using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Voice;

namespace OperatorOne.Tests.Ai;

/// <summary>The real bot with Twilio and web chat, and the LLM on, pointed at an OpenAI stand-in: the voice path's guardrails.</summary>
public sealed class VoiceLlmFixture : IAsyncLifetime
{
    public OpenAiStandIn Model { get; } = new();
    public VoiceFixture Voice { get; } = new();
    public BotHost Host => Voice.Host;

    public async ValueTask InitializeAsync()
    {
        await Model.StartAsync();
        Host.Settings["Llm:Provider"] = "OpenAI";
        Host.Settings["Llm:BaseUrl"] = Model.ApiBaseUrl.ToString();
        Host.Settings["Llm:ApiKey"] = "sk-stand-in-secret-key";
        Host.Settings["Llm:Model"] = "stand-in-model";
        await Voice.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Voice.DisposeAsync();
        await Model.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class VoiceLlmCollection : ICollectionFixture<VoiceLlmFixture>
{
    public const string Name = "voice-llm";
}
