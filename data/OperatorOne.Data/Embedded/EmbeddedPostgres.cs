using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace OperatorOne.Data.Embedded;

/// <summary>
/// A PostgreSQL server of our own, run from the machine's binaries (initdb, pg_ctl) on a data folder,
/// listening on loopback only. Used by ./run.sh when no connection string is configured, and by the tests.
/// When we run as root, PostgreSQL refuses to, so the server runs as the "postgres" system user.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private const string RuntimeUser = "operatorone_runtime";
    private const int DefaultMaxConnections = 200;

    private readonly string _dataDir;
    private readonly string _binDir;
    private readonly RunAs _runAs;
    private readonly bool _durable;
    private readonly int _maxConnections;
    private bool _started;

    private EmbeddedPostgres(string dataDir, string binDir, RunAs runAs, bool durable, int maxConnections, int port, string superPassword, string runtimePassword)
    {
        _maxConnections = maxConnections;
        _dataDir = dataDir;
        _binDir = binDir;
        _runAs = runAs;
        _durable = durable;
        Port = port;
        SuperuserPassword = superPassword;
        RuntimePassword = runtimePassword;
    }

    public int Port { get; }
    private string SuperuserPassword { get; }
    private string RuntimePassword { get; }

    /// <summary>Owner of the schema; used for migrations only.</summary>
    public string AdminConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={Superuser};Password={SuperuserPassword};Database={database};Include Error Detail=true";

    /// <summary>The login the bot runs as: not a superuser, not an owner, so row-level security applies.</summary>
    public string RuntimeConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={RuntimeUser};Password={RuntimePassword};Database={database};Include Error Detail=true";

    /// <summary>
    /// Initializes the folder if needed and starts the server on a free loopback port. Durable (fsync, full page
    /// writes) unless <paramref name="durable"/> is false: throwaway test clusters trade crash safety for speed.
    /// </summary>
    public static Task<EmbeddedPostgres> StartAsync(string dataDir, bool durable, CancellationToken cancellationToken) =>
        StartAsync(dataDir, durable, DefaultMaxConnections, cancellationToken);

    /// <summary>As above, with room for <paramref name="maxConnections"/> connections (a test run's many hosts need more).</summary>
    public static async Task<EmbeddedPostgres> StartAsync(string dataDir, bool durable, int maxConnections, CancellationToken cancellationToken)
    {
        dataDir = Path.GetFullPath(dataDir);
        var binDir = PostgresBinaries.Find();
        var runAs = RunAs.ForCurrentUser();
        Directory.CreateDirectory(dataDir);
        var secrets = Path.Combine(Path.GetDirectoryName(dataDir)!, Path.GetFileName(dataDir) + ".secrets");
        var superPassword = ReadOrCreateSecret(secrets + "/superuser");
        var runtimePassword = ReadOrCreateSecret(secrets + "/runtime");

        var server = new EmbeddedPostgres(dataDir, binDir, runAs, durable, maxConnections, FreePort(), superPassword, runtimePassword);
        await server.InitializeAsync(secrets, cancellationToken);
        await server.StartServerAsync(cancellationToken);
        return server;
    }

    /// <summary>Creates the database if missing and the runtime login, a member of the RLS-bound app role.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @db", connection))
        {
            exists.Parameters.AddWithValue("db", database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        var sql = $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'operatorone_app') THEN CREATE ROLE operatorone_app NOLOGIN; END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{RuntimeUser}') THEN
                CREATE ROLE {RuntimeUser} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
              END IF;
            END $$;
            ALTER ROLE {RuntimeUser} PASSWORD '{RuntimePassword}';
            GRANT operatorone_app TO {RuntimeUser};
            """;
        await using var roles = new NpgsqlCommand(sql, connection);
        await roles.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task InitializeAsync(string secretsDir, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(_dataDir, "PG_VERSION")))
        {
            return;
        }
        var pwfile = Path.Combine(secretsDir, "superuser");
        _runAs.GiveOwnership(_dataDir);
        _runAs.GiveOwnership(secretsDir);
        await RunAsync("initdb", ["-D", _dataDir, "-U", Superuser, "--pwfile", pwfile, "--auth-local=scram-sha-256",
            "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"], cancellationToken);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        // A server left running by a killed process holds the folder; stop it before starting ours.
        if (File.Exists(Path.Combine(_dataDir, "postmaster.pid")))
        {
            await RunAsync("pg_ctl", ["stop", "-D", _dataDir, "-m", "immediate", "-w"], cancellationToken, throwOnError: false);
        }
        // Beside the data folder, not in it: PostgreSQL insists its folder is private (0700).
        var socketDir = _dataDir + ".socket";
        Directory.CreateDirectory(socketDir);
        _runAs.GiveOwnership(socketDir);
        var options = $"-p {Port} -k {socketDir} -c listen_addresses=127.0.0.1 -c max_connections={_maxConnections}";
        if (!_durable)
        {
            options += " -c fsync=off -c full_page_writes=off -c synchronous_commit=off";
        }
        var log = Path.Combine(_dataDir, "server.log");
        try
        {
            await RunAsync("pg_ctl", ["start", "-D", _dataDir, "-w", "-t", "60", "-l", log, "-o", options], cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            // pg_ctl only says "could not start server"; the reason is in the server's own log.
            throw new InvalidOperationException($"The embedded PostgreSQL in {_dataDir} did not start: {LastProblem(log) ?? e.Message}", e);
        }
        _started = true;
    }

    /// <summary>What a power cut or an operator's <c>pg_ctl stop -m immediate</c> does: every backend gone, no checkpoint.</summary>
    internal async Task StopImmediatelyAsync(CancellationToken cancellationToken)
    {
        await RunAsync("pg_ctl", ["stop", "-D", _dataDir, "-m", "immediate", "-w"], cancellationToken);
        _started = false;
    }

    /// <summary>Starts the server again on the same port and folder (after <see cref="StopImmediatelyAsync"/>: with crash recovery).</summary>
    internal Task StartAgainAsync(CancellationToken cancellationToken) => StartServerAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_started)
        {
            return;
        }
        _started = false;
        await RunAsync("pg_ctl", ["stop", "-D", _dataDir, "-m", "fast", "-w", "-t", "30"], CancellationToken.None, throwOnError: false);
    }

    private async Task RunAsync(string tool, string[] arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var start = _runAs.Wrap(Path.Combine(_binDir, tool), arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }

    /// <summary>The server log's last FATAL or PANIC line (a full disk, a folder it cannot write), if any.</summary>
    private static string? LastProblem(string log)
    {
        try
        {
            return File.ReadLines(log).LastOrDefault(l => l.Contains("FATAL:", StringComparison.Ordinal) || l.Contains("PANIC:", StringComparison.Ordinal))?.Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string ReadOrCreateSecret(string path)
    {
        if (File.Exists(path))
        {
            return SecretFile.Read(path);
        }
        SecretFile.RestrictFolder(Path.GetDirectoryName(path)!);
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        SecretFile.Write(path, secret);
        return secret;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
