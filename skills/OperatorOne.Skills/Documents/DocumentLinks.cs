using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Skills.Documents;

/// <summary>
/// Signed, expiring download links for one member: /documents/{id}/download?o=…&amp;m=…&amp;e=…&amp;s=…. The link
/// names who may use it; the download re-checks that member's access under row-level security.
/// </summary>
internal sealed class DocumentLinks(SecretBox secrets, IOptions<DocumentsOptions> options, TimeProvider clock)
{
    private readonly byte[] _key = secrets.DeriveKey("document-links");

    public string For(Guid documentId, Guid organizationId, Guid memberId)
    {
        var expires = clock.GetUtcNow().AddMinutes(options.Value.LinkMinutes).ToUnixTimeSeconds();
        var signature = Sign(documentId, organizationId, memberId, expires);
        var path = $"/documents/{documentId}/download?o={organizationId}&m={memberId}&e={expires.ToString(CultureInfo.InvariantCulture)}&s={signature}";
        return options.Value.PublicBaseUrl is { } baseUrl ? baseUrl.AbsoluteUri.TrimEnd('/') + path : path;
    }

    public LinkCheck Check(Guid documentId, Guid organizationId, Guid memberId, long expires, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(documentId, organizationId, memberId, expires));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return LinkCheck.Forged;
        }
        return clock.GetUtcNow().ToUnixTimeSeconds() > expires ? LinkCheck.Expired : LinkCheck.Valid;
    }

    private string Sign(Guid documentId, Guid organizationId, Guid memberId, long expires)
    {
        var message = Encoding.UTF8.GetBytes($"{documentId:N}|{organizationId:N}|{memberId:N}|{expires.ToString(CultureInfo.InvariantCulture)}");
        return Convert.ToBase64String(HMACSHA256.HashData(_key, message)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}

internal enum LinkCheck
{
    Valid,
    Forged,
    Expired,
}
