using OperatorOne.Data.Embedded;
using OperatorOne.Tests.Resilience;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>
/// Turns per second and latency through every channel's real endpoint: the built bot as a process of its own on a
/// loopback port, on a durable PostgreSQL (fsync on), with the rate limits lifted, answering through loopback stand-ins
/// for the Teams connector and the Slack Web API. See <see cref="TurnMeasurement"/> for what each step measures.
/// </summary>
internal static class TurnBenchmark
{
    private const string Database = "operatorone";
    private const string SlackSigningSecret = "benchmark-slack-signing-secret";
    private const string TwilioAuthToken = "benchmark-twilio-auth-token";
    private const string TwilioAccountSid = "AC00000000000000000000000000000b01";
    private static readonly Uri TwilioPublicBaseUrl = new("https://voice.benchmark.test/");

    public static async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var plan = TurnPlan.For(arguments.Size);
        EmbeddedPostgres? server = null;
        try
        {
            string owner, runtime;
            if (arguments.Connection is { } connection)
            {
                (owner, runtime) = (connection, arguments.RuntimeConnection ?? connection);
            }
            else
            {
                server = await StartDurableServerAsync(arguments.DataDirectory, cancellationToken);
                (owner, runtime) = (server.AdminConnectionString(Database), server.RuntimeConnectionString(Database));
            }
            await BotProcess.MigrateAsync(owner);
            var counters = await DatabaseCounters.OpenAsync(owner, cancellationToken);
            await using var services = await ServicesStandIn.StartAsync();
            var members = await BenchmarkCompanies.CreateAsync(owner, plan, cancellationToken);
            await using var bot = BotProcess.Start(runtime, Settings(services));
            using var http = Client(bot.BaseAddress);
            await bot.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(120));
            output.WriteLine($"bot pid {bot.ProcessId} on {bot.BaseAddress}; {plan.Organizations} organizations x {plan.MembersPerOrganization} members; "
                + $"database {(server is null ? "given by --connection" : "embedded, durable (fsync on)")}; "
                + $"SQL statements {(counters.StatementsTracked ? "from pg_stat_statements" : "not tracked (pg_stat_statements not loaded)")}");
            ITurnChannel[] all =
            [
                new TeamsTurns(members, services),
                new DirectLineTurns(members),
                new SlackTurns(members, services, SlackSigningSecret),
                new TwilioTurns(members, TwilioPublicBaseUrl, TwilioAccountSid, TwilioAuthToken),
            ];
            var channels = all.Where(c => arguments.Channels?.Contains(c.Name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()) ?? true).ToArray();
            foreach (var channel in channels)
            {
                await channel.PrepareAsync(http, cancellationToken);
            }
            var cpu = new ProcessCpu(bot.ProcessId, server is null ? null : arguments.DataDirectory);
            var measurement = new TurnMeasurement(plan, http, counters, cpu, () => ProcessMemory.ResidentMegabytes(bot.ProcessId), output);
            var results = await measurement.RunAsync(channels, arguments.LongRunTurns, cancellationToken);
            if (bot.HasExited)
            {
                throw new InvalidOperationException($"The bot exited during the run:\n{bot.Output}");
            }
            if (channels.OfType<DirectLineTurns>().Any())
            {
                results = results with { Model = await ModelStep.RunAsync(owner, runtime, services, Settings(services), output, cancellationToken) };
            }
            TurnReport.Write(results, plan, output);
            if (arguments.JsonOutput is { } json)
            {
                await TurnReport.WriteJsonAsync(results, json, cancellationToken);
            }
            return 0;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>The bot as deployed, except: Teams in local-test mode (see the README), the channels' secrets, no rate limits.</summary>
    private static Dictionary<string, string> Settings(ServicesStandIn services) => new()
    {
        // Development turns on Teams' local-test mode: unsigned activities from loopback, replies only to loopback.
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Limits__TurnsPerUserPerMinute"] = "100000000",
        ["Limits__TurnsPerOrganizationPerMinute"] = "100000000",
        ["Slack__SigningSecret"] = SlackSigningSecret,
        ["Slack__BotToken"] = "xoxb-benchmark-token",
        ["Slack__ApiBaseUrl"] = services.SlackApiBaseUrl,
        ["Twilio__AuthToken"] = TwilioAuthToken,
        ["Twilio__AccountSid"] = TwilioAccountSid,
        ["Twilio__PublicBaseUrl"] = TwilioPublicBaseUrl.ToString(),
    };

    /// <summary>
    /// The embedded PostgreSQL as the bot runs it by default (durable), with pg_stat_statements preloaded so statements
    /// can be counted: the setting is written once, then the server restarts to load the library.
    /// </summary>
    private static async Task<EmbeddedPostgres> StartDurableServerAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var server = await EmbeddedPostgres.StartAsync(dataDirectory, durable: true, cancellationToken);
        await server.EnsureDatabaseAsync(Database, cancellationToken);
        await DatabaseCounters.PreloadStatementsAsync(server.AdminConnectionString(Database), cancellationToken);
        await server.DisposeAsync();
        server = await EmbeddedPostgres.StartAsync(dataDirectory, durable: true, cancellationToken);
        await server.EnsureDatabaseAsync(Database, cancellationToken);
        return server;
    }

    /// <summary>One client for all senders, without a cap on connections, so the generator is never the queue.</summary>
    internal static HttpClient Client(Uri bot) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = bot,
        Timeout = TimeSpan.FromMinutes(2),
    };
}
