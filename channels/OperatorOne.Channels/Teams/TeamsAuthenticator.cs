using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// Checks a Bot Connector bearer token the way the Bot Framework SDKs do: signature against the published keys
/// (refreshed on an unknown key id), issuer, audience = app id, lifetime with 5 minutes of skew, the serviceurl
/// claim equal to the activity's serviceUrl, and the signing key endorsed for the activity's channel.
/// </summary>
internal sealed class TeamsAuthenticator : IDisposable
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    /// <summary>At most one forced metadata fetch per second, so forged key ids cannot turn us into a flood.</summary>
    private const long RefetchThrottleMs = 1000;

    private readonly TeamsOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly HttpDocumentRetriever _documents;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SemaphoreSlim _refetching = new(1, 1);
    private OpenIdConnectConfiguration? _refetched;
    private long _lastRefetch = long.MinValue / 2;

    public TeamsAuthenticator(IOptions<TeamsOptions> options, IHttpClientFactory httpClients)
    {
        _options = options.Value;
        var metadataUrl = new Uri(_options.OpenIdMetadataUrl);
        _documents = new HttpDocumentRetriever(httpClients.CreateClient(TeamsChannelHosting.MetadataClient))
        {
            // Options validation only lets plain http through for a loopback issuer.
            RequireHttps = metadataUrl.Scheme == Uri.UriSchemeHttps,
        };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl.ToString(), new OpenIdConnectConfigurationRetriever(), _documents)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
        };
    }

    public async Task<bool> IsAuthenticAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.Ordinal) || activity.ServiceUrl is null || activity.ChannelId is null)
        {
            return false;
        }
        var token = authorization[Scheme.Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return false;
        }
        string kid;
        try
        {
            kid = _handler.ReadJsonWebToken(token).Kid ?? "";
        }
        catch (ArgumentException)
        {
            return false;
        }

        var configuration = await ConfigurationForAsync(kid, cancellationToken);
        if (FindKey(configuration, kid) is not { } key)
        {
            return false;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = Algorithms,
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return false;
        }
        if (!jwt.TryGetPayloadValue<string>("serviceurl", out var serviceUrl)
            || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return Endorsements(key).Contains(activity.ChannelId, StringComparer.Ordinal);
    }

    /// <summary>
    /// The metadata that knows <paramref name="kid"/>. Keys roll over without notice, so an unknown key id is the cue to
    /// fetch them again. ConfigurationManager.RequestRefresh only refreshes in the background (the token in hand would
    /// still fail), so the new set is fetched here, once, and kept until the manager's own copy catches up.
    /// </summary>
    private async Task<OpenIdConnectConfiguration> ConfigurationForAsync(string kid, CancellationToken cancellationToken)
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
            // Wall-clock independent: a test's frozen clock must not freeze key rollover.
            var now = Environment.TickCount64;
            if (now - _lastRefetch < RefetchThrottleMs)
            {
                return configuration;
            }
            _lastRefetch = now;
            _refetched = await OpenIdConnectConfigurationRetriever.GetAsync(_options.OpenIdMetadataUrl, _documents, cancellationToken);
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

    public void Dispose() => _refetching.Dispose();

    private static JsonWebKey? FindKey(OpenIdConnectConfiguration configuration, string kid) =>
        kid.Length == 0 ? null : configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));

    /// <summary>The Bot Connector's extra "endorsements" array on each key: the channels the key may sign for.</summary>
    internal static IReadOnlyList<string> Endorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return [];
        }
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            IEnumerable<object> items => [.. items.OfType<string>()],
            _ => [],
        };
    }
}
