using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OperatorOne.Skills.Integrations;

/// <summary>
/// How every outbound call is signed, as Stripe and Slack do: <c>X-OperatorOne-Signature: t=UNIX_SECONDS,v1=HEX</c>,
/// where HEX is HMAC-SHA256 under the tool's or subscription's secret (its UTF-8 bytes) of <c>t + "." + body</c>.
/// A receiver recomputes it, compares in constant time and refuses a timestamp older than a few minutes.
/// </summary>
public static class RequestSignature
{
    public const string Header = "X-OperatorOne-Signature";

    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, DateTimeOffset when, ReadOnlySpan<byte> body)
    {
        var timestamp = when.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + 1 + body.Length];
        var at = Encoding.UTF8.GetBytes(timestamp, signed);
        signed[at] = (byte)'.';
        body.CopyTo(signed.AsSpan(at + 1));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    public static void Add(HttpRequestMessage request, string secret, DateTimeOffset when, ReadOnlySpan<byte> body) =>
        request.Headers.TryAddWithoutValidation(Header, Sign(secret, when, body));
}
