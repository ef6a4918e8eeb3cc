using System.Security.Cryptography;
using System.Text;

namespace OperatorOne.Bot.Core.Security;

/// <summary>
/// Encrypts secrets kept in the database (channel tokens) with AES-GCM and derives purpose-bound keys
/// (web chat token signing) from one configured master key, the same on every replica.
/// </summary>
public sealed class SecretBox
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public SecretBox(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("Secrets:Key must be 32 bytes, base64-encoded.", nameof(key));
        }
        _key = key;
    }

    public byte[] Encrypt(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return output;
    }

    public string Decrypt(byte[] cipher)
    {
        if (cipher.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The stored secret is truncated.");
        }
        var plain = new byte[cipher.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(cipher.AsSpan(0, NonceSize), cipher.AsSpan(NonceSize + TagSize), cipher.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A key for one purpose ("webchat-tokens"), so a leak of one use never unlocks another.</summary>
    public byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, 32, info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>SHA-256 of a presented secret, stored instead of the secret itself.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string presented, byte[]? storedHash) =>
        storedHash is not null && CryptographicOperations.FixedTimeEquals(Hash(presented), storedHash);
}
