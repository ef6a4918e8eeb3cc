using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OperatorOne.Tests.Slack;

/// <summary>Signs a request body the way Slack does, written from the fact sheet independently of the bot's verifier.</summary>
internal static class SlackSigner
{
    public static string Sign(string secret, string timestamp, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var baseString = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        return "v0=" + string.Concat(hmac.ComputeHash(baseString).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    public static string Now(TimeSpan? skew = null) =>
        (DateTimeOffset.UtcNow + (skew ?? TimeSpan.Zero)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
