using Microsoft.EntityFrameworkCore;
using Npgsql;
using OperatorOne.Data;
using OperatorOne.Data.Tenancy;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Security;

/// <summary>
/// A connection opened for no organization skips writing the empty tenant when the pool resets it anyway: the same
/// physical connection, used for an organization a moment before, must then name none and show none of its rows —
/// with the pool's reset (the default) and without it (then the interceptor writes the empty tenant itself).
/// </summary>
[Collection(BotCollection.Name)]
public sealed class PooledTenantTests(BotHost host)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task APooledConnectionNeverCarriesThePreviousOrganization(bool noResetOnClose)
    {
        var org = await TestOrganization.CreateAsync(host);
        // One connection in a pool of its own, so the second context gets the very connection the first one used.
        var connection = new NpgsqlConnectionStringBuilder(host.RuntimeConnectionString)
        {
            MaxPoolSize = 1,
            ApplicationName = "pooled-tenant-" + Guid.NewGuid().ToString("N")[..8],
            NoResetOnClose = noResetOnClose,
        }.ConnectionString;
        var options = new DbContextOptionsBuilder<OperatorOneDb>().UseNpgsql(connection).AddInterceptors(OrganizationConnectionInterceptor.Instance).Options;

        int firstBackend;
        await using (var tenant = new OperatorOneDb(options, new OrganizationScope()))
        {
            await tenant.UseOrganizationAsync(org.Id, CancellationToken.None);
            await tenant.Database.OpenConnectionAsync();
            firstBackend = await Scalar<int>(tenant, "SELECT pg_backend_pid() AS \"Value\"");
            Assert.Equal(5, await tenant.Members.CountAsync());
        }

        await using var nobody = new OperatorOneDb(options, new OrganizationScope());
        await nobody.Database.OpenConnectionAsync();
        Assert.Equal(firstBackend, await Scalar<int>(nobody, "SELECT pg_backend_pid() AS \"Value\""));
        Assert.Equal("", await Scalar<string>(nobody, "SELECT coalesce(current_setting('app.organization_id', true), '') AS \"Value\""));
        Assert.Equal(0, await nobody.Members.CountAsync());
    }

    private static async Task<T> Scalar<T>(OperatorOneDb db, string sql) =>
        await db.Database.SqlQueryRaw<T>(sql).SingleAsync();
}
