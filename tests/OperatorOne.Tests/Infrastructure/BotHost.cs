using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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

    /// <summary>Held while any test builds an ASP.NET Core host in this process (see <see cref="InitializeAsync"/>).</summary>
    internal static SemaphoreSlim HostBuildGate { get; } = new(1, 1);

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public string AdminConnectionString { get; private set; } = "";
    public string RuntimeConnectionString { get; private set; } = "";

    /// <summary>Settings a test class needs beyond the defaults (channel secrets pointing at local stand-ins).</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        (AdminConnectionString, RuntimeConnectionString) = await TestPostgres.CreateDatabaseAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:OperatorOne", RuntimeConnectionString);
            web.UseSetting("ConnectionStrings:OperatorOneMigrations", AdminConnectionString);
            web.UseSetting("Database:SeedDemo", "true");
            web.UseSetting("Secrets:Key", TestSecrets.MasterKey);
            web.UseSetting("Limits:TurnsPerUserPerMinute", "1000");
            web.UseSetting("Limits:TurnsPerOrganizationPerMinute", "100000");
            foreach (var (key, value) in Settings)
            {
                web.UseSetting(key, value);
            }
        });
        _factory.UseKestrel(0);
        // WebApplicationFactory catches the next host built anywhere in the process; two starting at once can swap
        // hosts, leaving one Program unconfigured on the default port 5000. One start at a time.
        await HostBuildGate.WaitAsync();
        try
        {
            _factory.StartServer();
        }
        finally
        {
            HostBuildGate.Release();
        }
        BaseAddress = _factory.ClientOptions.BaseAddress;
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

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
