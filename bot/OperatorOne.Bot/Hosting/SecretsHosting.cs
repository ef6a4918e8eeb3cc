using System.Security.Cryptography;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data.Embedded;

namespace OperatorOne.Bot.Hosting;

/// <summary>
/// The master key for stored secrets and signed links (Secrets:Key, 32 bytes base64), the same on every replica.
/// Without one the key is kept in a file (Secrets:KeyFile, by default secret.key beside the embedded database, mode
/// 0600), created on first start: one VPS works out of the box, and the file must be backed up with the database.
/// </summary>
internal static class SecretsHosting
{
    public static IHostApplicationBuilder AddSecrets(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(SecretsOptions.Section).Get<SecretsOptions>() ?? new SecretsOptions();
        var configured = settings.Key;
        byte[] key;
        SecretKeyFile? file = null;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                key = Convert.FromBase64String(configured);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{SecretsOptions.KeySetting} must be base64 (32 random bytes, e.g. `openssl rand -base64 32`).");
            }
        }
        else
        {
            var dataDirectory = (builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).DataDirectory;
            var path = settings.KeyFile is { Length: > 0 } keyFile
                ? Path.GetFullPath(keyFile)
                : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!, "secret.key");
            (key, var created) = ReadOrCreate(path);
            file = new SecretKeyFile(path, created);
        }
        if (key.Length != 32)
        {
            throw new InvalidOperationException($"{SecretsOptions.KeySetting} must decode to exactly 32 bytes.");
        }
        builder.Services.AddSingleton(new SecretBox(key));
        if (file is not null)
        {
            builder.Services.AddSingleton(file);
            builder.Services.AddHostedService<SecretKeyNotice>();
        }
        return builder;
    }

    private static (byte[] Key, bool Created) ReadOrCreate(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                return (Convert.FromBase64String(SecretFile.Read(path)), false);
            }
            var key = RandomNumberGenerator.GetBytes(32);
            SecretFile.Write(path, Convert.ToBase64String(key));
            return (key, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The master key file {path} ({SecretsOptions.KeyFileSetting}) cannot be kept: {e.Message}", e);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{path} (the {SecretsOptions.KeySetting} file) is not base64; restore it from your backup.");
        }
    }
}

/// <summary>Where the master key came from when it was not configured.</summary>
internal sealed record SecretKeyFile(string Path, bool Created);
