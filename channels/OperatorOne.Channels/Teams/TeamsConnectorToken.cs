using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// The bot's client-credentials token for the Bot Connector. One MSAL application for the process, so its
/// in-memory cache serves every call until the token is near expiry.
/// </summary>
internal sealed class TeamsConnectorToken(IOptions<TeamsOptions> options, IHttpClientFactory httpClients)
{
    private readonly Lazy<IConfidentialClientApplication> _application = new(() => Create(options.Value, httpClients));

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var result = await _application.Value
            .AcquireTokenForClient([options.Value.OAuthScope])
            .ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    /// <summary>Asks the token endpoint afresh (not the cache), so a changed or revoked app password shows at once.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken) =>
        await _application.Value.AcquireTokenForClient([options.Value.OAuthScope]).WithForceRefresh(true).ExecuteAsync(cancellationToken);

    private static IConfidentialClientApplication Create(TeamsOptions options, IHttpClientFactory httpClients) =>
        ConfidentialClientApplicationBuilder.Create(options.AppId)
            .WithClientSecret(options.AppPassword)
            .WithAuthority(options.Authority, validateAuthority: false)
            // The authority is known; asking login.microsoftonline.com to discover it adds a call and a dependency.
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClients(httpClients))
            .Build();

    /// <summary>Lets MSAL use a pooled client named in DI, where proxies and handlers are configured.</summary>
    private sealed class MsalHttpClients(IHttpClientFactory httpClients) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClients.CreateClient(TeamsChannelHosting.TokenClient);
    }
}
