using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OperatorOne.Tests.Integrations;

/// <summary>What a receiver does with X-OperatorOne-Signature: recompute the HMAC over "t.body" and compare.</summary>
internal static class Signatures
{
    public static bool Verify(string? header, string secret, byte[] body, TimeSpan? tolerance = null)
    {
        var parts = (header ?? "").Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1) || !long.TryParse(t, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > (tolerance ?? TimeSpan.FromMinutes(5)).TotalSeconds)
        {
            return false;
        }
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = hmac.ComputeHash([.. Encoding.UTF8.GetBytes(t + "."), .. body]);
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v1));
    }
}
