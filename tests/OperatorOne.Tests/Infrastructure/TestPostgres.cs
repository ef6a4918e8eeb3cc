using Npgsql;
using OperatorOne.Data.Embedded;

namespace OperatorOne.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL for the whole test run: OPERATORONE_TEST_ADMIN_CONNECTION when given (a superuser connection
/// to an existing server), otherwise a throwaway cluster started from the machine's binaries. Every host gets its own database.
/// </summary>
internal static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EmbeddedPostgres? _server;
    private static int _databases;

    public static async Task<(string Admin, string Runtime)> CreateDatabaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _server ??= await StartAsync();
            var name = $"op_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
            await _server.EnsureDatabaseAsync(name, CancellationToken.None);
            return (_server.AdminConnectionString(name), _server.RuntimeConnectionString(name));
        }
        finally
        {
            Gate.Release();
        }
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
