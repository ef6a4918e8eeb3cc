using System.Security.Cryptography;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data.Embedded;

namespace OperatorOne.Bot.Hosting;

/// <summary>
/// The master key for stored secrets and web chat tokens (Secrets:Key, 32 bytes base64), the same on every replica.
/// Development without one gets a key kept under .data/ (mode 0600); Production without one refuses to start.
/// </summary>
internal static class SecretsHosting
{
    public static IHostApplicationBuilder AddSecrets(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration["Secrets:Key"];
        byte[] key;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                key = Convert.FromBase64String(configured);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException("Secrets:Key must be base64 (32 random bytes, e.g. `openssl rand -base64 32`).");
            }
        }
        else if (builder.Environment.IsDevelopment())
        {
            // Kept beside the embedded database, so ./run.sh keeps its tokens valid across restarts.
            var dataDirectory = builder.Configuration["Database:DataDirectory"] ?? ".data/postgres";
            key = DevelopmentKey(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!, "secret.key"));
        }
        else
        {
            throw new InvalidOperationException("Secrets:Key is required outside Development (32 random bytes, base64).");
        }
        if (key.Length != 32)
        {
            throw new InvalidOperationException("Secrets:Key must decode to exactly 32 bytes.");
        }
        builder.Services.AddSingleton(new SecretBox(key));
        return builder;
    }

    private static byte[] DevelopmentKey(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                return Convert.FromBase64String(SecretFile.Read(path));
            }
            var key = RandomNumberGenerator.GetBytes(32);
            SecretFile.Write(path, Convert.ToBase64String(key));
            return key;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The Development master key {path} (beside Database:DataDirectory) cannot be kept: {e.Message}", e);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The Development master key {path} is not base64; delete it to make a new one (stored secrets become unreadable).");
        }
    }
}
