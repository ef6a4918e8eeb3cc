using Npgsql;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>The database's own counts at one moment: statements executed (null when not tracked) and transactions ended.</summary>
internal sealed record DatabaseCount(long? Statements, long Transactions, DateTime At)
{
    /// <summary>Connections Npgsql reset on their way back to the pool (its reset's RESET ALL), not counted as statements.</summary>
    public long? Resets { get; init; }
}

/// <summary>
/// Reads what PostgreSQL counted: pg_stat_statements calls (transaction control excluded) and pg_stat_database
/// commits plus rollbacks, for the benchmark's database only. The counters' own query is left out of both, and so is
/// the pool's reset of a returned connection (with prepared statements on it Npgsql sends seven statements —
/// SET SESSION AUTHORIZATION DEFAULT, RESET ALL, CLOSE ALL, UNLISTEN *, pg_advisory_unlock_all(), DISCARD SEQUENCES,
/// DISCARD TEMP — in one message ahead of the connection's next command, where without them it sent DISCARD ALL):
/// no turn's work, counted apart as resets.
/// </summary>
internal sealed class DatabaseCounters(string ownerConnection, bool statementsTracked)
{
    public bool StatementsTracked => statementsTracked;

    /// <summary>Loads pg_stat_statements into a server the benchmark started (a restart), so statements can be counted.</summary>
    public static async Task PreloadStatementsAsync(string superuserConnection, CancellationToken cancellationToken) =>
        await ExecuteAsync(superuserConnection, "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'", cancellationToken);

    /// <summary>Counters for a database; statements only when pg_stat_statements is loaded and can be created there.</summary>
    public static async Task<DatabaseCounters> OpenAsync(string ownerConnection, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(ownerConnection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", cancellationToken);
            var counters = new DatabaseCounters(ownerConnection, statementsTracked: true);
            await counters.ReadAsync(cancellationToken);
            return counters;
        }
        catch (PostgresException)
        {
            // Not preloaded (a server the benchmark did not start), or no right to create the extension.
            return new DatabaseCounters(ownerConnection, statementsTracked: false);
        }
    }

    private const string PoolReset = """
        'SET SESSION AUTHORIZATION DEFAULT', 'RESET ALL', 'CLOSE ALL', 'UNLISTEN *', 'SELECT pg_advisory_unlock_all()',
        'DISCARD SEQUENCES', 'DISCARD TEMP', 'DISCARD ALL'
        """;

    public async Task<DatabaseCount> ReadAsync(CancellationToken cancellationToken)
    {
        var statements = statementsTracked
            ? $"""
              (SELECT coalesce(sum(s.calls), 0)::bigint FROM pg_stat_statements s
               WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                 AND s.query !~* '^\s*(begin|commit|rollback|start transaction)\b' AND s.query NOT LIKE '%pg_stat_database%'
                 AND s.query NOT IN ({PoolReset})),
              (SELECT coalesce(sum(s.calls), 0)::bigint FROM pg_stat_statements s
               WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND s.query IN ('RESET ALL', 'DISCARD ALL'))
              """
            : "NULL::bigint, NULL::bigint";
        await using var connection = new NpgsqlConnection(ownerConnection);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {statements}, (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database())", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DatabaseCount(reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetInt64(2), DateTime.UtcNow)
        {
            Resets = reader.IsDBNull(1) ? null : reader.GetInt64(1),
        };
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Statements and transactions per turn over a stretch of turns, less what the bot's background work did meanwhile.</summary>
internal sealed record TurnCost(double? StatementsPerTurn, double TransactionsPerTurn)
{
    /// <summary>Pooled connections reset per turn (see <see cref="DatabaseCounters"/>).</summary>
    public double? ResetsPerTurn { get; init; }

    // idle: the counts' growth per second with no traffic (heartbeats, queue polls).
    public static TurnCost Between(DatabaseCount before, DatabaseCount after, long turns, (double? Statements, double Transactions) idle)
    {
        var seconds = (after.At - before.At).TotalSeconds;
        // Each reading is a transaction of the benchmark's own.
        var transactions = after.Transactions - before.Transactions - 1 - idle.Transactions * seconds;
        double? statements = after.Statements - before.Statements - idle.Statements * seconds;
        return new TurnCost(statements / Math.Max(1, turns), Math.Max(0, transactions) / Math.Max(1, turns))
        {
            ResetsPerTurn = (double?)(after.Resets - before.Resets) / Math.Max(1, turns),
        };
    }
}
