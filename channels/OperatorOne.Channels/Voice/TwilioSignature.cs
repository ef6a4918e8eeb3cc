using System.Security.Cryptography;
using System.Text;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// X-Twilio-Signature: Base64(HMAC-SHA1(auth token, URL + each POST field's name and value in ordinal name order)).
/// Twilio is inconsistent about default ports, so like the official libraries we also accept the URL with the port
/// removed or the default port added.
/// </summary>
internal static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        // twilio-node: keys in ordinal order, a repeated key once per value with the values sorted.
        foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal))
        {
            data.Append(field.Key).Append(field.Value);
        }
#pragma warning disable CA5350 // Twilio's signature scheme is HMAC-SHA1; we verify it, we do not choose it.
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }

    public static bool Verify(string authToken, string url, IReadOnlyList<KeyValuePair<string, string>> form, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }
        var given = Encoding.ASCII.GetBytes(signature);
        var valid = false;
        // Every variant is checked so the time taken does not reveal which one matched.
        foreach (var candidate in UrlVariants(url))
        {
            var expected = Encoding.ASCII.GetBytes(Compute(authToken, candidate, form));
            valid |= CryptographicOperations.FixedTimeEquals(expected, given);
        }
        return valid;
    }

    private static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            yield break;
        }
        if (uri.IsDefaultPort && !HasExplicitPort(url, uri))
        {
            yield return WithPort(url, uri, uri.Port);
        }
        else if (uri.IsDefaultPort)
        {
            yield return WithoutPort(url, uri);
        }
    }

    private static bool HasExplicitPort(string url, Uri uri) =>
        url.Contains($"{uri.Host}:{uri.Port}", StringComparison.OrdinalIgnoreCase);

    private static string WithPort(string url, Uri uri, int port)
    {
        var authorityEnd = url.IndexOf(uri.Host, StringComparison.OrdinalIgnoreCase) + uri.Host.Length;
        return url[..authorityEnd] + ":" + port + url[authorityEnd..];
    }

    private static string WithoutPort(string url, Uri uri) =>
        url.Replace($"{uri.Host}:{uri.Port}", uri.Host, StringComparison.OrdinalIgnoreCase);
}
