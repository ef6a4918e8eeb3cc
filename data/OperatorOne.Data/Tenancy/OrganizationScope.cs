using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OperatorOne.Data.Tenancy;

/// <summary>
/// The organization a unit of work runs under. Every time EF opens a connection the interceptor
/// writes it to <c>app.organization_id</c> (empty when none, so a pooled connection never keeps a
/// previous tenant); the row-level-security policies read it.
/// </summary>
public sealed class OrganizationScope : DbConnectionInterceptor
{
    public Guid? OrganizationId { get; private set; }

    internal async Task EnterAsync(OperatorOneDb db, Guid organizationId, CancellationToken cancellationToken)
    {
        OrganizationId = organizationId;
        var connection = db.Database.GetDbConnection();
        if (connection.State == System.Data.ConnectionState.Open)
        {
            await ApplyAsync(connection, cancellationToken);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await ApplyAsync(connection, cancellationToken);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        ApplyAsync(connection, CancellationToken.None).GetAwaiter().GetResult();

    private async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT set_config('app.organization_id', @org, false)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "org";
        parameter.Value = OrganizationId?.ToString() ?? "";
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
