using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// Checks a Bot Connector bearer token the way the Bot Framework SDKs do: signature against the published keys
/// (refreshed on an unknown key id), issuer, audience = app id, lifetime with 5 minutes of skew, the serviceurl
/// claim equal to the activity's serviceUrl, and the signing key endorsed for the activity's channel.
/// </summary>
internal sealed class TeamsAuthenticator : IDisposable
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions _options;
    private readonly OpenIdKeys _keys;
    private readonly JsonWebTokenHandler _handler = new();

    public TeamsAuthenticator(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider time)
    {
        _options = options.Value;
        // Options validation only lets plain http through for a loopback issuer.
        _keys = new OpenIdKeys(new Uri(_options.OpenIdMetadataUrl), httpClients.CreateClient(TeamsChannelHosting.MetadataClient), time);
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

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _keys.ForKeyAsync(kid, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
        {
            // Not the caller's fault: nothing to check the token against until the issuer answers again.
            throw new TeamsIssuerUnavailableException(ex);
        }
        if (OpenIdKeys.FindKey(configuration, kid) is not { } key)
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

    /// <summary>Why inbound tokens cannot be checked right now (the Bot Connector's keys unreachable or empty), or null.</summary>
    public async Task<string?> KeysProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            var configuration = await _keys.CurrentAsync(cancellationToken);
            return configuration.SigningKeys.Count > 0 ? null : $"{_options.OpenIdMetadataUrl} publishes no signing keys.";
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or HttpRequestException or ArgumentException)
        {
            return $"{_options.OpenIdMetadataUrl} could not be read ({ex.GetBaseException().Message}).";
        }
    }

    public void Dispose() => _keys.Dispose();

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

/// <summary>The Bot Connector's OpenID metadata could not be fetched: the request is answered 503, to be retried.</summary>
internal sealed class TeamsIssuerUnavailableException(Exception inner)
    : Exception("The Bot Connector's OpenID metadata could not be fetched.", inner);
