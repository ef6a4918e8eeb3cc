using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Skills.Calendar;

/// <summary>Which feed a subscription link names: its organization (so the lookup runs under it) and its row.</summary>
internal sealed record FeedGrant(Guid OrganizationId, Guid FeedId);

/// <summary>
/// Long-lived calendar subscription links: the organization and feed ids, signed with an HMAC under a key derived from
/// the bot's secret key. Nothing secret is stored; a link stops working when its feed row is revoked (or the key changes).
/// </summary>
internal sealed class FeedLinks(SecretBox secrets)
{
    public const int MaxTokenLength = 200;
    private const string Suffix = ".ics";

    private readonly byte[] _key = secrets.DeriveKey("calendar-feed-links");

    /// <summary>"{organization}{feed}.{signature}.ics": the .ics ending is only for clients that look at it.</summary>
    public string Sign(FeedGrant grant)
    {
        var ids = $"{grant.OrganizationId:N}{grant.FeedId:N}";
        return $"{ids}.{WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(ids)))}{Suffix}";
    }

    /// <summary>The grant a token carries, or null when it is malformed or not signed by us.</summary>
    public FeedGrant? Read(string token)
    {
        if (token.Length > MaxTokenLength)
        {
            return null;
        }
        var body = token.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) ? token[..^Suffix.Length] : token;
        var parts = body.Split('.');
        if (parts.Length != 2 || parts[0].Length != 64
            || !Guid.TryParseExact(parts[0][..32], "N", out var organization) || !Guid.TryParseExact(parts[0][32..], "N", out var feed))
        {
            return null;
        }
        try
        {
            var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0]));
            return CryptographicOperations.FixedTimeEquals(expected, WebEncoders.Base64UrlDecode(parts[1])) ? new FeedGrant(organization, feed) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
