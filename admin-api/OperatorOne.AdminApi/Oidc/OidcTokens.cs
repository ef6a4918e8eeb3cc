using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.AdminApi.Oidc;

/// <summary>
/// Checks an organization's OIDC bearer token: signature against the provider's published keys (fetched again on an
/// unknown key id), the issuer its metadata names, the configured audience, lifetime with a minute of skew. The token
/// says which organization it is for through its audience; the route's organization is tried first.
/// </summary>
internal sealed class OidcTokens : IDisposable
{
    public const string HttpClientName = "AdminApi.Oidc";

    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private readonly List<(OidcProvider Provider, OpenIdKeys Keys)> _providers;
    private readonly JsonWebTokenHandler _handler = new();

    public OidcTokens(IOptions<AdminApiOptions> options, IHttpClientFactory httpClients, TimeProvider time)
    {
        // One key source per issuer, shared by the organizations that trust it.
        var sources = new Dictionary<Uri, OpenIdKeys>();
        _providers = [.. options.Value.Oidc.Select(p =>
        {
            if (!sources.TryGetValue(p.MetadataUrl, out var keys))
            {
                keys = new OpenIdKeys(p.MetadataUrl, httpClients.CreateClient(HttpClientName), time);
                sources[p.MetadataUrl] = keys;
            }
            return (p, keys);
        })];
    }

    /// <summary>A JWT rather than an op1_ key: three base64url parts.</summary>
    public static bool LooksLikeToken(string presented) => presented.Count(c => c == '.') == 2 && !presented.StartsWith("op1_", StringComparison.Ordinal);

    /// <summary>Issuer and subject as the token claims them, unchecked: only a rate-limit partition.</summary>
    public string? UncheckedSubject(string token)
    {
        try
        {
            return _handler.CanReadToken(token) && _handler.ReadJsonWebToken(token) is { } jwt ? $"{jwt.Issuer}|{jwt.Subject}" : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public async Task<OidcResult> ValidateAsync(string token, Guid? routeOrganization, CancellationToken cancellationToken)
    {
        JsonWebToken claimed;
        try
        {
            if (!_handler.CanReadToken(token))
            {
                return OidcResult.Invalid("The bearer token is neither an API key nor a JWT.");
            }
            claimed = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return OidcResult.Invalid("The bearer token is not a well-formed JWT.");
        }
        var audiences = claimed.Audiences.ToList();
        var candidates = _providers.Where(p => audiences.Contains(p.Provider.Audience, StringComparer.Ordinal))
            .OrderBy(p => p.Provider.OrganizationId == routeOrganization ? 0 : 1).ToList();
        if (candidates.Count == 0)
        {
            return OidcResult.Invalid("No organization accepts tokens for this audience.");
        }
        var reason = "";
        foreach (var (provider, keys) in candidates)
        {
            OpenIdConnectConfiguration configuration;
            try
            {
                configuration = await keys.ForKeyAsync(claimed.Kid ?? "", cancellationToken);
            }
            catch (InvalidOperationException)
            {
                reason = "The identity provider's metadata could not be fetched.";
                continue;
            }
            var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
            {
                ValidIssuer = string.IsNullOrEmpty(configuration.Issuer) ? provider.Authority : configuration.Issuer,
                ValidAudience = provider.Audience,
                IssuerSigningKeys = configuration.SigningKeys,
                ValidAlgorithms = Algorithms,
                ClockSkew = TimeSpan.FromMinutes(1),
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidateIssuerSigningKey = true,
            });
            if (result.IsValid && result.SecurityToken is JsonWebToken jwt)
            {
                var email = Claim(jwt, "email") ?? Claim(jwt, "preferred_username");
                return email is null
                    ? OidcResult.NoIdentity(provider.OrganizationId, "The token has neither an email nor a preferred_username claim.")
                    : OidcResult.Valid(provider.OrganizationId, email, $"{jwt.Issuer}|{jwt.Subject}");
            }
            reason = Describe(result.Exception);
        }
        return OidcResult.Invalid(reason);
    }

    private static string? Claim(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<string>(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not the organization's identity provider.",
        SecurityTokenInvalidAudienceException => "The token is for another audience.",
        SecurityTokenSignatureKeyNotFoundException => "The token is signed with a key the identity provider does not publish.",
        SecurityTokenInvalidSignatureException => "The token's signature is invalid.",
        SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not accepted.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        _ => "The token is invalid.",
    };

    public void Dispose()
    {
        foreach (var keys in _providers.Select(p => p.Keys).Distinct())
        {
            keys.Dispose();
        }
    }
}

/// <summary>
/// A checked token: the organization whose provider vouches for it and the caller's email, or why not. A valid token
/// with no email claim is an identity we cannot map (403), not a bad token (401).
/// </summary>
internal sealed record OidcResult(Guid? OrganizationId, string? Email, string? Subject, string? Failure)
{
    public static OidcResult Valid(Guid organizationId, string email, string subject) => new(organizationId, email, subject, null);

    public static OidcResult NoIdentity(Guid organizationId, string reason) => new(organizationId, null, null, reason);

    public static OidcResult Invalid(string reason) => new(null, null, null, reason);
}
