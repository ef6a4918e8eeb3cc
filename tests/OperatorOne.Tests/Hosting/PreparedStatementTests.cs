using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OperatorOne.Bot.Hosting;
using OperatorOne.Data;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Hosting;

/// <summary>
/// The bot's connections prepare a statement they keep running (Npgsql's automatic preparation, on by default), so
/// PostgreSQL plans a turn's statements once per connection; and a returned connection keeps its prepared statements
/// but none of its session (the pool's reset still clears what a turn wrote, such as the organization it entered).
/// </summary>
[Collection(BotCollection.Name)]
public sealed class PreparedStatementTests(BotHost host)
{
    private const string Repeated = "SELECT count(*) FROM organizations WHERE id = @id";

    [Theory]
    [InlineData("Host=db;Username=bot", 64)]
    [InlineData("Host=db;Username=bot;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Username=bot;MaxAutoPrepare=10", 10)]
    [InlineData("Host=db;Username=bot;Auto Prepare Min Usages=2", 64)]
    public void AConnectionStringThatSetsMaxAutoPrepareKeepsItAndAnyOtherGetsIt(string given, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseHosting.PreparedByDefault(given)).MaxAutoPrepare);

    [Fact]
    public async Task AStatementRunSeveralTimesOnAConnectionIsPreparedThereAndOutlivesTheConnectionsReturnToThePool()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<OperatorOneDb>().Database.GetConnectionString();
        // A pool of its own with the bot's settings, so the connection returned is the one taken again.
        await using var pool = NpgsqlDataSource.Create(settings!);
        await using var connection = pool.CreateConnection();

        await connection.OpenAsync(TestContext.Current.CancellationToken);
        for (var run = 0; run < 6; run++)
        {
            await using var command = new NpgsqlCommand(Repeated, connection);
            command.Parameters.AddWithValue("id", Guid.NewGuid());
            await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        }
        await using (var set = new NpgsqlCommand("SELECT set_config('app.organization_id', @org, false)", connection))
        {
            set.Parameters.AddWithValue("org", Guid.NewGuid().ToString());
            await set.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        }
        var backend = connection.ProcessID;
        await connection.CloseAsync();
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        Assert.Equal(backend, connection.ProcessID);
        await using var prepared = new NpgsqlCommand(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM organizations WHERE id = $1%'", connection);
        Assert.Equal(1L, await prepared.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        await using var tenant = new NpgsqlCommand("SELECT coalesce(current_setting('app.organization_id', true), '')", connection);
        Assert.Equal("", await tenant.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        await connection.CloseAsync();
    }
}
