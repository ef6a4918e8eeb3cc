using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data;
using OperatorOne.Data.Embedded;
using OperatorOne.Data.Tenancy;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Bot.Hosting;

/// <summary>
/// The store: the configured PostgreSQL (ConnectionStrings:OperatorOne) or, when none is configured, an embedded
/// server started from the machine's binaries and stopped when the bot stops.
/// </summary>
internal static class DatabaseHosting
{
    public const string RuntimeConnection = "OperatorOne";
    public const string MigrationConnection = "OperatorOneMigrations";
    private const string EmbeddedDatabase = "operatorone";

    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var disk = builder.Configuration.GetSection(DiskOptions.Section).Get<DiskOptions>() ?? new DiskOptions();
        var watched = new List<(string, string)> { (Path.GetTempPath(), "the temporary folder (TMPDIR)") };
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(RuntimeConnection)))
        {
            const string Setting = "Database:DataDirectory";
            var dataParent = Path.GetDirectoryName(Path.GetFullPath(options.DataDirectory))!;
            if ((DiskSpace.WriteProblem(dataParent, Setting) ?? DiskSpace.FullProblem(dataParent, disk.MinFreeDiskMegabytes, Setting)) is { } problem)
            {
                throw new InvalidOperationException(problem);
            }
            var embedded = EmbeddedPostgres.StartAsync(options.DataDirectory, options.Durable, CancellationToken.None).GetAwaiter().GetResult();
            // Registered before anything else can fail, so a failed start stops it (StartupFailures).
            builder.Services.AddSingleton(embedded);
            builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
            embedded.EnsureDatabaseAsync(EmbeddedDatabase, CancellationToken.None).GetAwaiter().GetResult();
            builder.Configuration[$"ConnectionStrings:{RuntimeConnection}"] = embedded.RuntimeConnectionString(EmbeddedDatabase);
            builder.Configuration[$"ConnectionStrings:{MigrationConnection}"] = embedded.AdminConnectionString(EmbeddedDatabase);
            watched.Add((options.DataDirectory, Setting));
        }
        builder.Services.AddSingleton(disk);
        builder.Services.AddSingleton(new WatchedFolders(watched));
        builder.Services.AddHealthChecks().AddCheck<DiskReadiness>("disk", tags: ["ready"]);
        var connectionString = PreparedByDefault(builder.Configuration.GetConnectionString(RuntimeConnection)!);
        builder.Services.AddScoped<OrganizationScope>();
        builder.Services.AddDbContext<OperatorOneDb>(db => db
            .UseNpgsql(connectionString)
            .AddInterceptors(OrganizationConnectionInterceptor.Instance));
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// A turn's statements are the same every turn: Npgsql prepares each on its connection once it has run a few times
    /// (automatic preparation), so PostgreSQL stops planning them per turn — planning was about a quarter of the
    /// database's CPU per turn — and the pool's reset keeps those plans (and the functions' cached plans), where
    /// DISCARD ALL dropped them whenever a connection went back. A connection string that sets Max Auto Prepare keeps it.
    /// </summary>
    internal static string PreparedByDefault(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;

    /// <summary>Migrations as the schema owner, then the runtime role check, then the demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.MigrateOnStart)
        {
            await MigrateAsync(app.Configuration, CancellationToken.None);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        await RuntimeRole.EnsureSubjectToRowLevelSecurityAsync(db, CancellationToken.None);
        if (options.SeedDemo)
        {
            await DemoSeed.EnsureAsync(db, app.Services.GetRequiredService<SecretBox>(), app.Services.GetRequiredService<ITicketLifecycle>(),
                app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
            await PlaygroundSeed.EnsureAsync(db, DemoSeed.OrganizationId, app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
        }
    }

    /// <summary>Applies pending migrations; EF holds a database lock meanwhile, so concurrent replicas never race.</summary>
    public static async Task MigrateAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        await using var db = OwnerContext(configuration);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>`create-api-key &lt;org&gt; &lt;handle&gt;`: the first admin API key, printed once.</summary>
    public static async Task<int> CreateApiKeyAsync(IConfiguration configuration, string[] args, CancellationToken cancellationToken)
    {
        await using var db = OwnerContext(configuration);
        return await OperatorOne.AdminApi.ApiKeys.ApiKeyBootstrap.RunAsync(db, args, Console.Out, cancellationToken);
    }

    private static OperatorOneDb OwnerContext(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(MigrationConnection);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = configuration.GetConnectionString(RuntimeConnection)
                ?? throw new InvalidOperationException("ConnectionStrings:OperatorOneMigrations (or ConnectionStrings:OperatorOne) is required to migrate.");
        }
        var options = new DbContextOptionsBuilder<OperatorOneDb>().UseNpgsql(connectionString).Options;
        return new OperatorOneDb(options, new OrganizationScope());
    }
}
