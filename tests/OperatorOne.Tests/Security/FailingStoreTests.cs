using System.Net;
using System.Net.Http.Headers;
using Npgsql;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Security;

/// <summary>
/// A store that fails under a running bot (a privilege gone, the database unreachable), on a host of its own: a server
/// error echoes no credential, even in Development, and readiness says the database is lost.
/// </summary>
public sealed class FailingStoreTests(BotHost host) : IClassFixture<BotHost>
{
    private async Task ExecuteAsync(string sql, string? database = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(host.AdminConnectionString);
        if (database is not null)
        {
            builder.Database = database;
        }
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task AServerErrorEchoesNeitherTheAuthorizationHeaderNorTheCookies()
    {
        var organization = await TestOrganization.CreateAsync(host);
        var (_, key) = await AdminKeys.IssueAsync(host, organization, "admin");
        using var http = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, AdminKeys.Base(organization) + "/teams");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Add("Cookie", "session=cookie-secret-4711");
        await ExecuteAsync("REVOKE SELECT ON teams FROM operatorone_app");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        finally
        {
            await ExecuteAsync("GRANT SELECT ON teams TO operatorone_app");
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(key, body, StringComparison.Ordinal);
        Assert.DoesNotContain("op1_", body, StringComparison.Ordinal);
        Assert.DoesNotContain("cookie-secret-4711", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadinessReportsALostDatabaseAndRecovers()
    {
        using var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        var database = new NpgsqlConnectionStringBuilder(host.RuntimeConnectionString).Database!;

        await ExecuteAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false", "postgres");
        try
        {
            await ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()", "postgres");
            var lost = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
            Assert.Equal("Unhealthy", await lost.Content.ReadAsStringAsync());
        }
        finally
        {
            await ExecuteAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true", "postgres");
            // The host runs in this process: its pooled connections were the ones terminated.
            NpgsqlConnection.ClearAllPools();
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        HttpStatusCode status;
        while ((status = (await http.GetAsync("/health/ready")).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
