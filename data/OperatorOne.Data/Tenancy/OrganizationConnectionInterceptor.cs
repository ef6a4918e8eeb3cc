using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace OperatorOne.Data.Tenancy;

/// <summary>
/// Writes the context's organization to <c>app.organization_id</c> and its member to <c>app.member_id</c> every time
/// EF opens a connection for an organization (a pooled connection comes back reset, so it never carries a previous
/// tenant or member); the row-level-security policies read them.
/// </summary>
public sealed class OrganizationConnectionInterceptor : DbConnectionInterceptor
{
    public static OrganizationConnectionInterceptor Instance { get; } = new();

    // Per connection string: whether Npgsql resets a pooled connection before its next command (its default): RESET ALL
    // among the rest of its reset, or DISCARD ALL when the connection has no prepared statements.
    private static readonly ConcurrentDictionary<string, bool> ResetByPool = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (MustWrite(connection, eventData))
        {
            ApplyAsync(connection, (eventData.Context as OperatorOneDb)?.Scope, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (MustWrite(connection, eventData))
        {
            await ApplyAsync(connection, (eventData.Context as OperatorOneDb)?.Scope, cancellationToken);
        }
    }

    /// <summary>
    /// Nothing to write for no organization on a connection the pool resets: it names none already. That saves a round
    /// trip on every turn, which opens its connection before it knows its organization.
    /// </summary>
    private static bool MustWrite(DbConnection connection, ConnectionEndEventData eventData) =>
        (eventData.Context as OperatorOneDb)?.Scope.OrganizationId is not null
        || !ResetByPool.GetOrAdd(connection.ConnectionString, s => !new NpgsqlConnectionStringBuilder(s).NoResetOnClose);

    internal static async Task ApplyAsync(DbConnection connection, OrganizationScope? scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT set_config('app.organization_id', @org, false), set_config('app.member_id', @member, false)";
        var organization = command.CreateParameter();
        organization.ParameterName = "org";
        organization.Value = scope?.OrganizationId?.ToString() ?? "";
        command.Parameters.Add(organization);
        var member = command.CreateParameter();
        member.ParameterName = "member";
        member.Value = scope?.OrganizationId is null ? "" : scope.MemberId?.ToString() ?? "";
        command.Parameters.Add(member);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
