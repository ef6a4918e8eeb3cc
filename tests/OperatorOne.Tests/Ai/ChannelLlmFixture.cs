using OperatorOne.Tests.Slack;
using OperatorOne.Tests.Teams;

namespace OperatorOne.Tests.Ai;

/// <summary>The Teams and Slack test hosts, each with the LLM on and pointed at one OpenAI stand-in.</summary>
public sealed class ChannelLlmFixture : IAsyncLifetime
{
    public OpenAiStandIn Model { get; } = new();
    public TeamsBotHost Teams { get; } = new();
    public SlackFixture Slack { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Model.StartAsync();
        foreach (var settings in new[] { Teams.Bot.Settings, Slack.Host.Settings })
        {
            settings["Llm:Provider"] = "OpenAI";
            settings["Llm:BaseUrl"] = Model.ApiBaseUrl.ToString();
            settings["Llm:ApiKey"] = "sk-stand-in-secret-key";
            settings["Llm:Model"] = "stand-in-model";
        }
        await Task.WhenAll(Teams.InitializeAsync().AsTask(), Slack.InitializeAsync().AsTask());
    }

    public async ValueTask DisposeAsync()
    {
        await Teams.DisposeAsync();
        await Slack.DisposeAsync();
        await Model.DisposeAsync();
    }
}
