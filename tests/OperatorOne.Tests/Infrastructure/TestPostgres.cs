using Microsoft.Extensions.Configuration;
using Npgsql;
using OperatorOne.Bot.Hosting;
using OperatorOne.Data.Embedded;

namespace OperatorOne.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL for the whole test run: OPERATORONE_TEST_ADMIN_CONNECTION when given (a superuser connection
/// to an existing server), otherwise a throwaway cluster started from the machine's binaries. Every host gets its own database,
/// copied from one migrated once per run (CREATE DATABASE … TEMPLATE), so no host pays for applying every migration again.
/// </summary>
internal static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EmbeddedPostgres? _server;
    private static int _databases;
    private static string? _template;

    public static async Task<(string Admin, string Runtime)> CreateDatabaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _server ??= await StartAsync();
            _template ??= await MigratedTemplateAsync(_server);
            var name = $"op_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
            await using (var connection = new NpgsqlConnection(_server.AdminConnectionString("postgres")))
            {
                await connection.OpenAsync();
                await using var copy = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"", connection);
                await copy.ExecuteNonQueryAsync();
            }
            // Already there: this only makes sure of the runtime login.
            await _server.EnsureDatabaseAsync(name, CancellationToken.None);
            return (_server.AdminConnectionString(name), _server.RuntimeConnectionString(name));
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The bot's own migrations, applied once; the host's start still runs them and finds nothing to do.</summary>
    private static async Task<string> MigratedTemplateAsync(EmbeddedPostgres server)
    {
        var name = $"op_test_{Environment.ProcessId}_template";
        await server.EnsureDatabaseAsync(name, CancellationToken.None);
        var admin = server.AdminConnectionString(name);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:OperatorOneMigrations"] = admin })
            .Build();
        await DatabaseHosting.MigrateAsync(configuration, CancellationToken.None);
        // A template is copied only while nobody is connected to it.
        await using var pooled = new NpgsqlConnection(admin);
        NpgsqlConnection.ClearPool(pooled);
        return name;
    }

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"operatorone-tests-{Environment.ProcessId}", "postgres");
        // Every test class runs its own host with its own connection pool against this one cluster.
        var server = await EmbeddedPostgres.StartAsync(folder, durable: false, maxConnections: 600, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            try
            {
                Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the folder lives under /tmp.
            }
        };
        return server;
    }

    public static async Task<T> QueryAsAdminAsync<T>(string adminConnection, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(adminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        return read(reader);
    }
}
