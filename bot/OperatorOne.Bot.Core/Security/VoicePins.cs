using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OperatorOne.Bot.Core.Security;

/// <summary>
/// Voice PINs: 4 to 8 digits, stored only as salted PBKDF2-SHA256 ("pbkdf2-sha256$iterations$salt$hash"), because a
/// short PIN hashed without salt and work factor is guessed from the hash in moments.
/// </summary>
public static class VoicePins
{
    public const int MinLength = 4;
    public const int MaxLength = 8;
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Scheme = "pbkdf2-sha256";

    /// <summary>Digits only, 4 to 8 of them (spaces and dashes between digits are allowed and dropped).</summary>
    public static string? Normalize(string? input)
    {
        if (input is null)
        {
            return null;
        }
        var stripped = input.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return stripped.Length is >= MinLength and <= MaxLength && stripped.All(char.IsAsciiDigit) ? stripped : null;
    }

    public static string Hash(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Matches(string pin, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
