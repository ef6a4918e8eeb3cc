using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// Issues and checks self-contained web chat tokens: JWT-shaped (HS256 over header.payload), signed with a key
/// derived from the master key, so any replica can verify a token another replica issued without a lookup.
/// </summary>
internal sealed class WebChatTokens(SecretBox secrets, TimeProvider clock)
{
    public const int LifetimeSeconds = 1800;

    /// <summary>The fixed JOSE header <c>{"alg":"HS256","typ":"JWT"}</c>; it also tells tokens apart from site secrets.</summary>
    public const string Header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    private readonly byte[] _key = secrets.DeriveKey("webchat-tokens");

    public static bool LooksLikeToken(string credential) => credential.StartsWith(Header + ".", StringComparison.Ordinal);

    public string Issue(string site, Guid organizationId, string conversationId, string userId, string? userName)
    {
        var expires = clock.GetUtcNow().AddSeconds(LifetimeSeconds).ToUnixTimeSeconds();
        var claims = new DirectLineToken(site, organizationId, conversationId, userId, userName, expires);
        var payload = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signed = Header + "." + payload;
        return signed + "." + WebEncoders.Base64UrlEncode(Sign(signed));
    }

    public string Reissue(DirectLineToken token) => Issue(token.Site, token.Org, token.Conv, token.User, token.Name);

    public TokenCheck Check(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header)
        {
            return new TokenCheck.Invalid();
        }
        byte[] signature;
        DirectLineToken? claims;
        try
        {
            signature = WebEncoders.Base64UrlDecode(parts[2]);
            if (!CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1])))
            {
                return new TokenCheck.Invalid();
            }
            claims = JsonSerializer.Deserialize<DirectLineToken>(WebEncoders.Base64UrlDecode(parts[1]));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return new TokenCheck.Invalid();
        }
        if (claims is null)
        {
            return new TokenCheck.Invalid();
        }
        return claims.Exp <= clock.GetUtcNow().ToUnixTimeSeconds() ? new TokenCheck.Expired() : new TokenCheck.Valid(claims);
    }

    private byte[] Sign(string signed) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed));
}

internal abstract record TokenCheck
{
    private TokenCheck() { }

    public sealed record Valid(DirectLineToken Token) : TokenCheck;

    public sealed record Expired : TokenCheck;

    public sealed record Invalid : TokenCheck;
}
