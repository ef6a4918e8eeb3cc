namespace OperatorOne.Data.Embedded;

/// <summary>Finds initdb and pg_ctl: Debian keeps them in /usr/lib/postgresql/&lt;version&gt;/bin, off the PATH.</summary>
internal static class PostgresBinaries
{
    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("OPERATORONE_PG_BIN");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.dir, "bin", "initdb")))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")));
        return path ?? throw new InvalidOperationException(
            "PostgreSQL binaries (initdb, pg_ctl) were not found. Install the 'postgresql' package, set OPERATORONE_PG_BIN, " +
            "or configure ConnectionStrings__OperatorOne to use an existing server.");
    }
}
