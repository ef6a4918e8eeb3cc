namespace OperatorOne.Bot.Hosting;

internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Where the embedded PostgreSQL keeps its files when no connection string is configured.</summary>
    public string DataDirectory { get; set; } = ".data/postgres";

    /// <summary>Apply migrations at start (with a lock, so replicas never race); off when a migrate Job does it.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// The embedded PostgreSQL syncs every commit to disk (fsync, full page writes); only throwaway test databases
    /// turn this off, explicitly.
    /// </summary>
    public bool Durable { get; set; } = true;

    /// <summary>Create the demo organization and its four members when missing.</summary>
    public bool SeedDemo { get; set; }
}
