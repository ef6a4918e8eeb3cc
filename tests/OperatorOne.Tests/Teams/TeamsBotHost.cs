using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Teams;

/// <summary>
/// The real bot with the Teams channel fully on (app id, secret, token validation) against <see cref="TeamsCloud"/>:
/// inbound tokens come from its issuer, outbound tokens from its Entra stand-in, REST calls land in its connector.
/// </summary>
public sealed class TeamsBotHost : IAsyncLifetime
{
    public const string AppId = "5b1f6c9e-2d47-4a8b-9c3e-7f0a1b2c3d4e";
    public const string AppPassword = "test-client-secret";

    public static readonly TimeSpan TurnBudget = TimeSpan.FromSeconds(4);

    private TeamsCloud? _cloud;

    public BotHost Bot { get; } = new();

    /// <summary>The bot's clock: a test skips the key-refetch throttle rather than waiting it out.</summary>
    internal SkippingClock Clock { get; } = new();

    /// <summary>For a host of its own whose issuer has never answered (the Bot Connector's metadata is down).</summary>
    public bool MetadataDownAtStart { get; init; }
    public TeamsCloud Cloud => _cloud ?? throw new InvalidOperationException("The Teams stand-in has not started.");

    public async ValueTask InitializeAsync()
    {
        _cloud = await TeamsCloud.StartAsync();
        _cloud.MetadataDown = MetadataDownAtStart;
        Bot.Settings["Teams:AppId"] = AppId;
        Bot.Settings["Teams:AppPassword"] = AppPassword;
        Bot.Settings["Teams:OpenIdMetadataUrl"] = _cloud.MetadataUrl;
        // MSAL insists on https authorities; the named client below carries these calls to the stand-in instead.
        Bot.Settings["Teams:TokenAuthority"] = "https://login.teams.test";
        // Shorter than the default so the slow-turn test is quick; well above what an ordinary turn takes here.
        Bot.Settings["Teams:TurnBudget"] = TurnBudget.ToString();
        var cloudAddress = _cloud.BaseAddress;
        Bot.TestServices = services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddHttpClient("Teams.Token").ConfigurePrimaryHttpMessageHandler(() => new ToStandIn(cloudAddress));
            services.AddSingleton(PurgeCacheTool.Definition);
            services.AddSingleton(SlowReportTool.Definition);
        };
        await Bot.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }

    /// <summary>Sends requests for login.teams.test to the loopback stand-in, as a hosts-file entry would.</summary>
    private sealed class ToStandIn(Uri target) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TeamsCollection : ICollectionFixture<TeamsBotHost>
{
    public const string Name = "teams";
}
