using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Skills.Calendar;

/// <summary>What an .ics link grants: one member's events (or one of them), in one organization, until a moment.</summary>
internal sealed record IcsGrant(Guid OrganizationId, Guid MemberId, int EventNumber, DateTimeOffset ExpiresAt);

/// <summary>
/// Signed, expiring download links: the grant in the URL, authenticated with an HMAC under a key derived from the
/// bot's secret key, so any replica can serve it and nothing is stored.
/// </summary>
internal sealed class IcsLinks(SecretBox secrets)
{
    public const int MaxTokenLength = 200;

    private readonly byte[] _key = secrets.DeriveKey("calendar-ics-links");

    public string Sign(IcsGrant grant)
    {
        var payload = Encoding.ASCII.GetBytes(string.Join('.', grant.OrganizationId.ToString("N"), grant.MemberId.ToString("N"),
            grant.EventNumber.ToString(CultureInfo.InvariantCulture), grant.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, payload))}";
    }

    /// <summary>The grant a token carries, or null when it is malformed or its signature does not match (expiry is the caller's check).</summary>
    public IcsGrant? Read(string token)
    {
        var parts = token.Split('.');
        if (token.Length > MaxTokenLength || parts.Length != 2)
        {
            return null;
        }
        try
        {
            var payload = WebEncoders.Base64UrlDecode(parts[0]);
            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), WebEncoders.Base64UrlDecode(parts[1])))
            {
                return null;
            }
            var fields = Encoding.ASCII.GetString(payload).Split('.');
            return fields.Length == 4
                && Guid.TryParseExact(fields[0], "N", out var organization) && Guid.TryParseExact(fields[1], "N", out var member)
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                ? new IcsGrant(organization, member, number, DateTimeOffset.FromUnixTimeSeconds(expires))
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
