using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OperatorOne.Tests.AdminApi;

/// <summary>
/// An organization's identity provider on loopback, shaped like Entra ID: OpenID metadata under the authority, a JWKS,
/// RS256 tokens signed with RSA keys made here. Keys can be published later, as a provider rolls them over.
/// </summary>
public sealed class LocalIdentityProvider : IAsyncDisposable
{
    public const string Audience = "api://operatorone-admin";
    public const string KeyId = "key-1";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RSA> _published = new();

    private LocalIdentityProvider(WebApplication app)
    {
        _app = app;
        _published[KeyId] = RSA.Create(2048);
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public string Authority => $"{BaseAddress}tenant/v2.0";

    public static async Task<LocalIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new LocalIdentityProvider(app);
        app.MapGet("/tenant/v2.0/.well-known/openid-configuration", () => Results.Json(new JsonObject
        {
            ["issuer"] = provider.Authority,
            ["authorization_endpoint"] = $"{provider.BaseAddress}tenant/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{provider.BaseAddress}tenant/oauth2/v2.0/token",
            ["jwks_uri"] = $"{provider.BaseAddress}tenant/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet("/tenant/discovery/v2.0/keys", () => Results.Json(provider.Jwks()));
        await app.StartAsync();
        provider.BaseAddress = new Uri(app.Urls.First() + "/");
        return provider;
    }

    /// <summary>Publishes a new signing key without telling anyone, as providers roll keys over.</summary>
    public void Publish(string keyId) => _published[keyId] = RSA.Create(2048);

    /// <summary>A token as the provider issues it for <paramref name="email"/>; each other argument forges one part of it.</summary>
    public string Token(string email, string? audience = null, string? issuer = null, string keyId = KeyId, RSA? signWith = null,
        DateTime? expires = null, string emailClaim = "email", string? subject = null)
    {
        var now = DateTime.UtcNow;
        var key = new RsaSecurityKey(signWith ?? _published.GetValueOrDefault(keyId) ?? RSA.Create(2048)) { KeyId = keyId };
        var notBefore = expires is { } e && e < now ? e.AddMinutes(-10) : now.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience ?? Audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires ?? now.AddMinutes(60),
            Subject = new ClaimsIdentity([new Claim("sub", subject ?? Guid.NewGuid().ToString("N")), new Claim(emailClaim, email)]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private JsonObject Jwks() => new()
    {
        ["keys"] = new JsonArray([.. _published.Select(p =>
        {
            var parameters = p.Value.ExportParameters(false);
            return (JsonNode)new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = p.Key,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
        })]),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        foreach (var key in _published.Values)
        {
            key.Dispose();
        }
    }
}
