using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Data;

namespace OperatorOne.Tests.Infrastructure;

/// <summary>
/// The real bot (Program.cs, every channel and skill) on real loopback HTTP over its own real PostgreSQL database,
/// in Development like ./run.sh. Tests make their own organizations; nothing asserts global counts.
/// </summary>
public sealed class BotHost : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public string AdminConnectionString { get; private set; } = "";
    public string RuntimeConnectionString { get; private set; } = "";

    /// <summary>Settings a test class needs beyond the defaults (channel secrets pointing at local stand-ins).</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>The runtime connection's Maximum Pool Size, when a test needs a small pool (Npgsql's default: 100).</summary>
    public int? MaxPoolSize { get; set; }

    /// <summary>Services a test class swaps in before start (a tool of its own, an HTTP handler routed to a local stand-in).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync()
    {
        (AdminConnectionString, RuntimeConnectionString) = await TestPostgres.CreateDatabaseAsync();
        if (MaxPoolSize is { } poolSize)
        {
            RuntimeConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(RuntimeConnectionString) { MaxPoolSize = poolSize }.ConnectionString;
        }
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            // A free loopback port of our own: Kestrel's default (localhost:5000) is shared by every host and test process.
            web.UseUrls($"http://127.0.0.1:{FreePort()}");
            web.UseSetting("ConnectionStrings:OperatorOne", RuntimeConnectionString);
            web.UseSetting("ConnectionStrings:OperatorOneMigrations", AdminConnectionString);
            web.UseSetting("Database:SeedDemo", "true");
            web.UseSetting("Database:Durable", "false");
            web.UseSetting("Secrets:Key", TestSecrets.MasterKey);
            web.UseSetting("AdminApi:OperatorKey", TestSecrets.OperatorKey);
            web.UseSetting("Limits:TurnsPerUserPerMinute", "1000");
            web.UseSetting("Limits:TurnsPerOrganizationPerMinute", "100000");
            foreach (var (key, value) in Settings)
            {
                web.UseSetting(key, value);
            }
            if (TestServices is { } configure)
            {
                web.ConfigureTestServices(configure);
            }
        });
        _factory.UseKestrel();
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        await Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Runs work against the store under one organization, as the bot itself would (row-level security applies).</summary>
    public async Task<T> InOrganizationAsync<T>(Guid organizationId, Func<OperatorOneDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        await db.UseOrganizationAsync(organizationId, CancellationToken.None);
        return await work(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
