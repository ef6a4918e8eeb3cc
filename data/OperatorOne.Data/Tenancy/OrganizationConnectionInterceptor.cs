using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OperatorOne.Data.Tenancy;

/// <summary>
/// Writes the context's organization to <c>app.organization_id</c> and its member to <c>app.member_id</c> every time
/// EF opens a connection (empty when none, so a pooled connection never carries a previous tenant or member); the
/// row-level-security policies read them.
/// </summary>
public sealed class OrganizationConnectionInterceptor : DbConnectionInterceptor
{
    public static OrganizationConnectionInterceptor Instance { get; } = new();

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await ApplyAsync(connection, (eventData.Context as OperatorOneDb)?.Scope, cancellationToken);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        ApplyAsync(connection, (eventData.Context as OperatorOneDb)?.Scope, CancellationToken.None).GetAwaiter().GetResult();

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
