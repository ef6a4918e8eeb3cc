using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Signed, short-lived tokens for the OAuth install: the install ticket an admin hands out (which organization the
/// workspace joins) and the OAuth state (same, plus a nonce bound to the installer's browser by a cookie).
/// </summary>
public sealed class SlackInstallState(SecretBox secrets, TimeProvider clock)
{
    public static readonly TimeSpan TicketLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);
    internal const string TicketPurpose = "ticket";
    internal const string StatePurpose = "state";

    private readonly byte[] _key = secrets.DeriveKey("slack-oauth-state");

    /// <summary>The install link for one organization (relative to the bot's base URL), for the admin API to hand out.</summary>
    public string InstallLink(Guid organizationId) => $"/api/slack/install?ticket={Issue(TicketPurpose, organizationId, TicketLifetime, "-")}";

    internal string Issue(string purpose, Guid organizationId, TimeSpan lifetime, string nonce)
    {
        var expires = (clock.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes($"{purpose}|{organizationId:N}|{expires.ToString(CultureInfo.InvariantCulture)}|{nonce}");
        return $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, payload))}";
    }

    /// <summary>The organization and nonce when the token is ours, for this purpose, and unexpired.</summary>
    internal (Guid OrganizationId, string Nonce)? Read(string? token, string purpose)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 2 })
        {
            return null;
        }
        byte[] payload, mac;
        try
        {
            payload = WebEncoders.Base64UrlDecode(parts[0]);
            mac = WebEncoders.Base64UrlDecode(parts[1]);
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
        if (fields.Length != 4 || fields[0] != purpose || !Guid.TryParseExact(fields[1], "N", out var organizationId)
            || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires < clock.GetUtcNow().ToUnixTimeSeconds())
        {
            return null;
        }
        return (organizationId, fields[3]);
    }
}
