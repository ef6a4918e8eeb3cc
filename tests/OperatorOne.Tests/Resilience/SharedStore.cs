using Microsoft.EntityFrameworkCore;
using Npgsql;
using OperatorOne.Data;
using OperatorOne.Data.Tenancy;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Resilience;

/// <summary>The one PostgreSQL database the bot processes share, as the test reaches it: runtime role for setup, owner for checks.</summary>
internal sealed class SharedStore(string adminConnection, string runtimeConnection)
{
    public string AdminConnection { get; } = adminConnection;
    public string RuntimeConnection { get; } = runtimeConnection;

    public static async Task<SharedStore> CreateAsync()
    {
        var (admin, runtime) = await TestPostgres.CreateDatabaseAsync();
        return new SharedStore(admin, runtime);
    }

    /// <summary>Work under one organization, with row-level security, as the bot does it.</summary>
    public async Task<int> InOrganizationAsync(Guid organizationId, Func<OperatorOneDb, Task<int>> work)
    {
        var options = new DbContextOptionsBuilder<OperatorOneDb>()
            .UseNpgsql(RuntimeConnection)
            .AddInterceptors(OrganizationConnectionInterceptor.Instance)
            .Options;
        await using var db = new OperatorOneDb(options, new OrganizationScope());
        await db.UseOrganizationAsync(organizationId, CancellationToken.None);
        return await work(db);
    }

    /// <summary>Rows of a query over every organization (the owner is not subject to row-level security).</summary>
    public Task<List<T>> RowsAsync<T>(string sql, Func<NpgsqlDataReader, T> read) =>
        TestPostgres.QueryAsAdminAsync(AdminConnection, sql, reader =>
        {
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }
            return rows;
        });

    public async Task<long> CountAsync(string sql) => (await RowsAsync(sql, r => r.GetInt64(0))).Single();
}
