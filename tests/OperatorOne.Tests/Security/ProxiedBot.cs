using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Security;

/// <summary>
/// The bot behind a TLS reverse proxy on the same host, as deployed: ForwardedHeaders:KnownProxies names loopback, so
/// X-Forwarded-For/-Proto/-Host from it are believed. Slack's OAuth install is on to show the state cookie.
/// </summary>
public sealed class ProxiedBot : IAsyncLifetime
{
    public BotHost Host { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Host.Settings["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
        Host.Settings["Slack:SigningSecret"] = "proxied-signing-secret";
        Host.Settings["Slack:ClientId"] = "1111.3333";
        Host.Settings["Slack:ClientSecret"] = "proxied-client-secret";
        Host.Settings["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/";
        await Host.InitializeAsync();
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
