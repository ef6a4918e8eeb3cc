using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OperatorOne.Data.Tenancy;

/// <summary>
/// Writes the context's organization to <c>app.organization_id</c> every time EF opens a connection (empty when
/// none, so a pooled connection never carries a previous tenant); the row-level-security policies read it.
/// </summary>
public sealed class OrganizationConnectionInterceptor : DbConnectionInterceptor
{
    public static OrganizationConnectionInterceptor Instance { get; } = new();

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await ApplyAsync(connection, (eventData.Context as OperatorOneDb)?.Scope.OrganizationId, cancellationToken);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        ApplyAsync(connection, (eventData.Context as OperatorOneDb)?.Scope.OrganizationId, CancellationToken.None).GetAwaiter().GetResult();

    internal static async Task ApplyAsync(DbConnection connection, Guid? organizationId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT set_config('app.organization_id', @org, false)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "org";
        parameter.Value = organizationId?.ToString() ?? "";
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
