using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OperatorOne.Channels.Slack;

/// <summary>Slack's v0 request signature: HMAC-SHA256 over "v0:{timestamp}:{raw body}" with the app's signing secret.</summary>
internal static class SlackSignature
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    /// <summary>Older or newer than this and the request may be a replay.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), data);
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    public static SignatureCheck Verify(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Missing;
        }
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SignatureCheck.Stale;
        }
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Window)
        {
            return SignatureCheck.Stale;
        }
        if (!signature.StartsWith("v0=", StringComparison.Ordinal))
        {
            return SignatureCheck.Mismatch;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(signingSecret, timestamp, body));
        var presented = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, presented) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }
}

internal enum SignatureCheck
{
    Valid,
    Missing,
    Stale,
    Mismatch,
}
