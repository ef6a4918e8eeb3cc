using System.Diagnostics;
using Npgsql;
using OperatorOne.Data.Embedded;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Resilience;

namespace OperatorOne.Tests.Hosting;

/// <summary>
/// The built bot on its embedded PostgreSQL, as ./run.sh starts it (no connection string): its server syncs every
/// commit to disk unless the setting Database:Durable=false says otherwise, which only tests pass.
/// </summary>
public sealed class EmbeddedPostgresDurabilityTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"op1-durable-{Guid.NewGuid():N}");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData(null, "on")]
    [InlineData("false", "off")]
    public async Task TheEmbeddedPostgresIsDurableUnlessTheSettingTurnsItOff(string? durable, string expected)
    {
        var data = Path.Combine(_root, $"postgres-{durable ?? "default"}");
        var settings = new Dictionary<string, string> { ["Database__DataDirectory"] = data, ["Secrets__Key"] = TestSecrets.MasterKey };
        if (durable is not null)
        {
            settings["Database__Durable"] = durable;
        }
        await using var bot = BotProcess.StartWith(settings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await bot.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(120));

        var settingsSeen = await ServerSettingsAsync(data, "fsync", "full_page_writes", "synchronous_commit");

        Assert.Equal(new[] { expected, expected, expected }, settingsSeen);
        // A clean stop (SIGTERM, as systemd or docker stop sends) stops the embedded server with the bot.
        await StopAsync(bot);
        Assert.False(File.Exists(Path.Combine(data, "postmaster.pid")), bot.Output);
    }

    /// <summary>The settings as the running server reports them, through the superuser login the bot created beside its data.</summary>
    private static async Task<List<string>> ServerSettingsAsync(string data, params string[] names)
    {
        // postmaster.pid: the fourth line is the port the server listens on.
        var port = File.ReadAllLines(Path.Combine(data, "postmaster.pid"))[3].Trim();
        var password = SecretFile.Read(Path.Combine(data + ".secrets", "superuser"));
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres");
        await connection.OpenAsync();
        var values = new List<string>();
        foreach (var name in names)
        {
            await using var show = new NpgsqlCommand($"SHOW {name}", connection);
            values.Add((string)(await show.ExecuteScalarAsync())!);
        }
        return values;
    }

    private static async Task StopAsync(BotProcess bot)
    {
        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", bot.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!)
        {
            await term.WaitForExitAsync();
        }
        await bot.ExitCodeAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        // A failed test leaves its bot killed and the bot's server running: take the folder over and stop it.
        foreach (var data in Directory.GetDirectories(_root, "postgres-*").Where(d => File.Exists(Path.Combine(d, "postmaster.pid"))))
        {
            await (await EmbeddedPostgres.StartAsync(data, durable: false, CancellationToken.None)).DisposeAsync();
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder lives under /tmp.
        }
    }
}
