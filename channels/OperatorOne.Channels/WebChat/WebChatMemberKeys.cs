using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// The key a browser keeps after claiming an invitation: organization, site and web chat user, HMAC-signed under a key
/// derived from the master key. It is exchanged for a short Direct Line token on every visit and works while that
/// web chat identity stays linked to an active member (unlinking or deactivating ends it).
/// </summary>
internal sealed class WebChatMemberKeys(SecretBox secrets, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);
    private const string Prefix = "op1w";

    private readonly byte[] _key = secrets.DeriveKey("webchat-members");

    public string Issue(Guid organizationId, string site, string userId)
    {
        var expires = (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = Encoding.UTF8.GetBytes($"{organizationId:N}|{site}|{userId}|{expires}");
        return $"{Prefix}.{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, payload))}";
    }

    public MemberKey? Read(string? key)
    {
        var parts = key?.Split('.');
        if (parts is not [Prefix, var payloadPart, var macPart] || key!.Length > 1024)
        {
            return null;
        }
        byte[] payload, mac;
        try
        {
            payload = WebEncoders.Base64UrlDecode(payloadPart);
            mac = WebEncoders.Base64UrlDecode(macPart);
        }
        catch (FormatException)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), mac))
        {
            return null;
        }
        var fields = Encoding.UTF8.GetString(payload).Split('|');
        return fields.Length == 4 && Guid.TryParseExact(fields[0], "N", out var organizationId)
            && long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && expires > clock.GetUtcNow().ToUnixTimeSeconds()
            ? new MemberKey(organizationId, fields[1], fields[2])
            : null;
    }
}

internal sealed record MemberKey(Guid OrganizationId, string Site, string UserId);
