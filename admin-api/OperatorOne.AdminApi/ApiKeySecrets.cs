using System.Globalization;
using System.Security.Cryptography;
using OperatorOne.Bot.Core.Security;

namespace OperatorOne.AdminApi;

/// <summary>The key format, op1_&lt;keyId&gt;_&lt;secret&gt;: the id finds the row, the hash of the whole key proves it.</summary>
internal static class ApiKeySecrets
{
    private const string Prefix = "op1_";

    public static (string Plaintext, byte[] Hash) Create(Guid keyId)
    {
        var plaintext = $"{Prefix}{keyId:N}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        return (plaintext, SecretBox.Hash(plaintext));
    }

    /// <summary>The key id of a well-formed key, or null; the secret itself is checked against the stored hash.</summary>
    public static Guid? TryReadId(string presented)
    {
        var parts = presented.Split('_');
        if (parts.Length != 3 || parts[0] + "_" != Prefix || parts[2].Length != 64
            || !parts[2].All(char.IsAsciiHexDigitLower)
            || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return null;
        }
        return id.ToString("N", CultureInfo.InvariantCulture) == parts[1] ? id : null;
    }
}
