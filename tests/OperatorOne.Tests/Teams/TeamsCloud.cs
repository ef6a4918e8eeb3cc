using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OperatorOne.Tests.Teams;

/// <summary>
/// The Microsoft side of Teams on loopback: a Bot Connector OpenID issuer (metadata, JWKS with endorsements, RS256
/// tokens from its own keys), an Entra token endpoint, and a connector that records every REST call the bot makes.
/// </summary>
public sealed class TeamsCloud : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string TeamsKeyId = "teams-key";
    public const string WebChatOnlyKeyId = "webchat-only-key";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (RSA Key, string[] Endorsements)> _published = new();
    private int _ids;

    private TeamsCloud(WebApplication app)
    {
        _app = app;
        _published[TeamsKeyId] = (RSA.Create(2048), ["msteams"]);
        _published[WebChatOnlyKeyId] = (RSA.Create(2048), ["webchat"]);
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public string ServiceUrl => $"{BaseAddress}connector/";
    /// <summary>The issuer's metadata answers 500 (an outage at Microsoft's side).</summary>
    public bool MetadataDown { get; set; }

    public string MetadataUrl => $"{BaseAddress}botframework/.well-known/openidconfiguration";
    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();
    public ConcurrentQueue<string> TokenRequests { get; } = new();

    /// <summary>Conversations (escaped ids) the connector refuses for good, with the status and Teams error code it answers.</summary>
    public ConcurrentDictionary<string, (int Status, string Code)> RefusedConversations { get; } = new();

    /// <summary>The conversation id the connector gives a 1:1 it creates for a member (by the id the bot named them with).</summary>
    public static string CreatedConversationId(string memberId) => $"a:1created-{memberId}";

    /// <summary>Publishes a new signing key for msteams, as the Bot Connector does on rollover, without telling anyone.</summary>
    public void RollOver(string keyId) => _published[keyId] = (RSA.Create(2048), ["msteams"]);

    /// <summary>The conversation roster's email per user id (29:…), as GET v3/conversations/{id}/members/{userId} answers.</summary>
    public ConcurrentDictionary<string, string> RosterEmails { get; } = new();

    /// <summary>Every roster lookup the bot made, by user id.</summary>
    public ConcurrentQueue<string> RosterLookups { get; } = new();

    /// <summary>A client secret the token endpoint refuses as Entra does (invalid_client); null accepts every secret.</summary>
    public string? RefusedSecret { get; set; }

    /// <summary>Status codes the connector answers with before it goes back to 200 (a 429 with Retry-After, a 403…).</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> ConnectorFailures { get; } = new();

    /// <summary>Files the stand-in serves (by path under /files/ or /connector/v3/attachments/), as SharePoint and the connector would.</summary>
    public ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> Files { get; } = new();

    /// <summary>Every file download the bot made: path and Authorization header.</summary>
    public ConcurrentQueue<(string Path, string Authorization)> FileRequests { get; } = new();

    public string FileUrl(string name) => $"{BaseAddress}files/{Uri.EscapeDataString(name)}";

    public string AttachmentUrl(string id) => $"{ServiceUrl}v3/attachments/{Uri.EscapeDataString(id)}/views/original";

    public static async Task<TeamsCloud> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var cloud = new TeamsCloud(app);
        app.MapGet("/botframework/.well-known/openidconfiguration", () => cloud.MetadataDown ? Results.StatusCode(500) : Results.Json(new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.botframework.test/authorize",
            ["jwks_uri"] = $"{cloud.BaseAddress}botframework/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }));
        app.MapGet("/botframework/keys", () => Results.Json(cloud.Jwks()));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request, string tenant) =>
        {
            var form = await request.ReadFormAsync();
            cloud.TokenRequests.Enqueue($"{tenant}|{form["client_id"]}|{form["scope"]}|{form["grant_type"]}");
            if (cloud.RefusedSecret is { } refused && form["client_secret"] == refused)
            {
                // What Entra answers a wrong client secret.
                return Results.Json(new
                {
                    error = "invalid_client",
                    error_description = "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.",
                    error_codes = new[] { 7000215 },
                }, statusCode: StatusCodes.Status401Unauthorized);
            }
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = $"connector-token-{cloud.TokenRequests.Count}" });
        });
        app.MapGet("/connector/v3/conversations/{conversation}/members/{member}", (string conversation, string member) =>
        {
            cloud.RosterLookups.Enqueue(member);
            return cloud.RosterEmails.TryGetValue(member, out var email)
                ? Results.Json(new { id = member, name = "Roster Person", email, userPrincipalName = email, tenantId = "roster", userRole = "user" })
                : Results.Json(new { error = new { code = "MemberNotFoundInConversation", message = "Member not found in conversation" } }, statusCode: 404);
        });
        app.MapMethods("/connector/{**rest}", ["POST", "PUT"], (Delegate)cloud.RecordAsync);
        app.MapGet("/files/{name}", (HttpContext http, string name) => cloud.Serve(http, name));
        app.MapGet("/connector/v3/attachments/{id}/views/original", (HttpContext http, string id) => cloud.Serve(http, id));
        await app.StartAsync();
        cloud.BaseAddress = new Uri(app.Urls.First() + "/");
        return cloud;
    }

    private async Task<IResult> RecordAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        var raw = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        Calls.Enqueue(new ConnectorCall(http.Request.Method, raw, http.Request.Headers.Authorization.ToString(), body));
        if (RefusedConversations.FirstOrDefault(r => raw.Contains(r.Key, StringComparison.Ordinal)) is { Key: not null } refused)
        {
            return Results.Json(new { error = new { code = refused.Value.Code, message = "stand-in refusal" } }, statusCode: refused.Value.Status);
        }
        if (raw == "/connector/v3/conversations")
        {
            return Results.Json(new { id = CreatedConversationId(body["members"]?[0]?["id"]?.GetValue<string>() ?? "nobody") });
        }
        if (ConnectorFailures.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = failure.RetryAfter;
            }
            return Results.Json(new { error = new { code = "Failure", message = "stand-in failure" } }, statusCode: failure.Status);
        }
        var id = http.Request.Method == "PUT" ? body["id"]?.GetValue<string>() : $"msg-{Interlocked.Increment(ref _ids)}";
        return Results.Json(new { id });
    }

    /// <summary>Streams without a Content-Length, so the bot's size cap has to stop reading rather than trust a header.</summary>
    private async Task<IResult> Serve(HttpContext http, string key)
    {
        FileRequests.Enqueue((http.Request.Path.Value!, http.Request.Headers.Authorization.ToString()));
        if (!Files.TryGetValue(key, out var file))
        {
            return Results.NotFound();
        }
        http.Response.ContentType = file.ContentType;
        await http.Response.Body.WriteAsync(file.Bytes);
        return Results.Empty;
    }

    private JsonObject Jwks() => new()
    {
        ["keys"] = new JsonArray([.. _published.Select(p =>
        {
            var parameters = p.Value.Key.ExportParameters(false);
            return (JsonNode)new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = p.Key,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = new JsonArray([.. p.Value.Endorsements.Select(e => (JsonNode)e)]),
            };
        })]),
    };

    /// <summary>A token as the Bot Connector issues it; each argument forges one part of it.</summary>
    public string Token(string audience, string serviceUrl, string? issuer = null, string keyId = TeamsKeyId, RSA? signWith = null,
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var key = new RsaSecurityKey(signWith ?? _published[keyId].Key) { KeyId = keyId };
        var notBefore = expires is { } e && e < now ? e.AddMinutes(-10) : now.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires ?? now.AddMinutes(60),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl), new Claim("appid", "d6d49420-f39b-4df7-a1dc-d59a935871db")]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Waits until the connector has seen a call matching <paramref name="match"/>.</summary>
    public async Task<ConnectorCall> ExpectCallAsync(Func<ConnectorCall, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (Calls.FirstOrDefault(match) is { } call)
            {
                return call;
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"Expected {what}; the connector saw: {string.Join(" | ", Calls.Select(c => $"{c.Method} {c.Path} {c.Text}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        foreach (var (key, _) in _published.Values)
        {
            key.Dispose();
        }
    }
}

/// <summary>One REST call the bot made to the connector, with the path exactly as sent (escaped).</summary>
public sealed record ConnectorCall(string Method, string Path, string Authorization, JsonObject Body)
{
    public string Text => Body["text"]?.GetValue<string>() ?? Body["summary"]?.GetValue<string>() ?? "";

    public JsonObject? Card => Body["attachments"]?[0]?["content"] as JsonObject;
}
