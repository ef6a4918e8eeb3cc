namespace OperatorOne.Bot.Hosting;

/// <summary>The "Secrets" settings section: where the master key for stored secrets and signed links comes from.</summary>
internal sealed class SecretsOptions
{
    public const string Section = "Secrets";

    /// <summary>The master key, 32 bytes base64, the same on every replica.</summary>
    public string? Key { get; set; }

    /// <summary>Without <see cref="Key"/>: the file the key is kept in (by default secret.key beside the embedded database).</summary>
    public string? KeyFile { get; set; }

    public const string KeySetting = Section + ":" + nameof(Key);
    public const string KeyFileSetting = Section + ":" + nameof(KeyFile);
}
