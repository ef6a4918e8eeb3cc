using MimeKit;
using MimeKit.Cryptography;

namespace OperatorOne.Channels.Email;

/// <summary>
/// Whether our own receiving server vouches for the From address: its Authentication-Results (RFC 8601), the topmost
/// one carrying a trusted authserv-id, must show DMARC passing for the From domain or DKIM passing for a signing domain
/// aligned with it. Headers from anyone else are ignored: a sender can write any header it likes.
/// </summary>
internal static class SenderVerification
{
    public static bool Vouches(HeaderList headers, string fromAddress, IReadOnlyCollection<string> trustedAuthServIds)
    {
        if (trustedAuthServIds.Count == 0)
        {
            return false;
        }
        var domain = fromAddress[(fromAddress.LastIndexOf('@') + 1)..];
        foreach (var header in headers.Where(h => h.Id == HeaderId.AuthenticationResults))
        {
            if (!AuthenticationResults.TryParse(header.RawValue, out var results)
                || !trustedAuthServIds.Contains(results.AuthenticationServiceIdentifier ?? "", StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            // The topmost verdict of our own server is the one that counts; older ones below it may be forged.
            return results.Results.Any(r => Passes(r, fromAddress, domain));
        }
        return false;
    }

    private static bool Passes(AuthenticationMethodResult result, string fromAddress, string domain)
    {
        if (!string.Equals(result.Result, "pass", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        string? Property(string name) => result.Properties
            .FirstOrDefault(p => p.PropertyType.Equals("header", StringComparison.OrdinalIgnoreCase) && p.Property.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;
        return result.Method.ToLowerInvariant() switch
        {
            "dmarc" => string.Equals(Property("from"), domain, StringComparison.OrdinalIgnoreCase),
            "dkim" => Aligned(Property("d"), domain) || IdentityMatches(Property("i"), fromAddress, domain),
            _ => false,
        };
    }

    /// <summary>Relaxed alignment: the signing domain is the From domain or a parent of it (never a bare top-level domain).</summary>
    private static bool Aligned(string? signingDomain, string domain) =>
        signingDomain is { Length: > 0 } d && d.Contains('.', StringComparison.Ordinal)
        && (domain.Equals(d, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    private static bool IdentityMatches(string? identity, string fromAddress, string domain) =>
        identity is { Length: > 0 } i && (i.Equals(fromAddress, StringComparison.OrdinalIgnoreCase) || i.Equals("@" + domain, StringComparison.OrdinalIgnoreCase));
}
