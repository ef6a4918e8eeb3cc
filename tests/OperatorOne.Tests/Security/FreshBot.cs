using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OperatorOne.AdminApi.Setup;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Security;

/// <summary>
/// A first boot: the bot on a database with no organization (no demo), so /setup/{token} shows its form. Tests that
/// complete the setup put the database back to empty with <see cref="ResetAsync"/>.
/// </summary>
public sealed class FreshBot : IAsyncLifetime
{
    public BotHost Host { get; } = new();

    /// <summary>The one-time token the bot printed in its log.</summary>
    public string SetupToken => Host.Services.GetRequiredService<SetupGate>().Token;

    public async ValueTask InitializeAsync()
    {
        Host.Settings["Database:SeedDemo"] = "false";
        await Host.InitializeAsync();
    }

    /// <summary>Removes every organization (and, by cascade, every row of one), which reopens the setup page.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(Host.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("TRUNCATE organizations CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What a setup writes, across all organizations: a refusal must leave every count as it was.</summary>
    public async Task<Dictionary<string, long>> RowCountsAsync()
    {
        string[] tables = ["organizations", "members", "api_keys", "channel_installations", "channel_identities", "invitations", "audit_events"];
        await using var connection = new NpgsqlConnection(Host.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT " + string.Join(", ", tables.Select(t => $"(SELECT count(*) FROM {t})")), connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return tables.Select((table, i) => (table, reader.GetInt64(i))).ToDictionary(p => p.table, p => p.Item2);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FreshCollection : ICollectionFixture<FreshBot>
{
    public const string Name = "fresh";
}
