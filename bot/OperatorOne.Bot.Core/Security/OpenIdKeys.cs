using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace OperatorOne.Bot.Core.Security;

/// <summary>
/// One OpenID issuer's metadata and signing keys (Bot Connector, an organization's identity provider), cached by
/// ConfigurationManager and fetched again, at once, when a token names a key id we have not seen: keys roll over
/// without notice.
/// </summary>
public sealed class OpenIdKeys : IDisposable
{
    /// <summary>At most one forced metadata fetch per second, so forged key ids cannot turn us into a flood.</summary>
    private static readonly TimeSpan RefetchThrottle = TimeSpan.FromSeconds(1);

    private readonly string _metadataUrl;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly HttpDocumentRetriever _documents;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refetching = new(1, 1);
    private OpenIdConnectConfiguration? _refetched;
    private long? _lastRefetch;

    /// <param name="metadataUrl">The .well-known document; plain http only where the caller has checked it is loopback.</param>
    /// <param name="http">The client that fetches metadata and keys (its timeout bounds every fetch).</param>
    /// <param name="time">The host's clock; the throttle reads its monotonic timestamp, which a clock that only fixes the date leaves running.</param>
    public OpenIdKeys(Uri metadataUrl, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(metadataUrl);
        _time = time;
        _metadataUrl = metadataUrl.ToString();
        _documents = new HttpDocumentRetriever(http) { RequireHttps = metadataUrl.Scheme == Uri.UriSchemeHttps };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(_metadataUrl, new OpenIdConnectConfigurationRetriever(), _documents)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
        };
    }

    /// <summary>
    /// The metadata that knows <paramref name="kid"/>, or the current metadata if even a fresh fetch does not.
    /// ConfigurationManager.RequestRefresh only refreshes in the background (the token in hand would still fail), so the
    /// new set is fetched here, once, and kept until the manager's own copy catches up. Throws when the issuer has never
    /// been reachable (there is nothing to check a token against).
    /// </summary>
    public async Task<OpenIdConnectConfiguration> ForKeyAsync(string kid, CancellationToken cancellationToken)
    {
        var configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        if (FindKey(configuration, kid) is not null)
        {
            return configuration;
        }
        if (_refetched is { } known && FindKey(known, kid) is not null)
        {
            return known;
        }
        await _refetching.WaitAsync(cancellationToken);
        try
        {
            if (_refetched is { } fetchedMeanwhile && FindKey(fetchedMeanwhile, kid) is not null)
            {
                return fetchedMeanwhile;
            }
            if (_lastRefetch is { } last && _time.GetElapsedTime(last) < RefetchThrottle)
            {
                return configuration;
            }
            _lastRefetch = _time.GetTimestamp();
            _refetched = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataUrl, _documents, cancellationToken);
            _metadata.RequestRefresh();
            return _refetched;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or HttpRequestException or ArgumentException)
        {
            // The issuer is unreachable or answered garbage: the token cannot be checked, so it is refused.
            return configuration;
        }
        finally
        {
            _refetching.Release();
        }
    }

    /// <summary>The metadata as last fetched (fetched now the first time); throws when the issuer cannot be reached.</summary>
    public Task<OpenIdConnectConfiguration> CurrentAsync(CancellationToken cancellationToken) => _metadata.GetConfigurationAsync(cancellationToken);

    public static JsonWebKey? FindKey(OpenIdConnectConfiguration configuration, string kid) =>
        kid.Length == 0 ? null : configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));

    public void Dispose() => _refetching.Dispose();
}
