using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Slack;

/// <summary>The real bot with Slack configured, pointed at a local Web API stand-in; one for the Slack test classes.</summary>
public sealed class SlackFixture : IAsyncLifetime
{
    public const string SigningSecret = "slack-test-signing-secret";
    public const string BotToken = "xoxb-configured-test-token";

    /// <summary>Makes document links absolute, as a Slack deployment needs.</summary>
    public const string PublicBaseUrl = "https://bot.example.test/";

    public BotHost Host { get; } = new();
    public SlackStandIn Slack { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Slack.StartAsync();
        Host.Settings["Slack:SigningSecret"] = SigningSecret;
        Host.Settings["Slack:BotToken"] = BotToken;
        Host.Settings["Slack:ClientId"] = "1111.2222";
        Host.Settings["Slack:ClientSecret"] = "slack-test-client-secret";
        Host.Settings["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl.ToString();
        Host.Settings["Documents:PublicBaseUrl"] = PublicBaseUrl;
        Host.Settings["Slack:AuthorizeUrl"] = new Uri(Slack.BaseAddress, "oauth/v2/authorize").ToString();
        // Services a test class set before this (a fault of its own) stay.
        var own = Host.TestServices;
        Host.TestServices = services =>
        {
            services.AddSingleton(SlowReportTool.Definition);
            own?.Invoke(services);
        };
        await Host.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SlackCollection : ICollectionFixture<SlackFixture>
{
    public const string Name = "slack";
}
