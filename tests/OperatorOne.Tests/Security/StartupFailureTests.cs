using System.Diagnostics;
using System.Net;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Resilience;

namespace OperatorOne.Tests.Security;

/// <summary>
/// The built bot as its own process on its embedded PostgreSQL, started where it cannot work: a read-only folder (a
/// read-only bind mount), a full disk (a small tmpfs), an invalid setting. It ends with one line naming the cause and
/// exit code 1, and leaves no PostgreSQL behind; a disk that fills while it runs makes it unready.
/// </summary>
public sealed class StartupFailureTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"op1-startup-{Guid.NewGuid():N}");
    private readonly List<string> _mounts = [];

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        return ValueTask.CompletedTask;
    }

    private static Dictionary<string, string> Settings(string dataDirectory, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database__DataDirectory"] = dataDirectory,
            ["Secrets__Key"] = TestSecrets.MasterKey,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    private static async Task RunAsync(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)}: {await process.StandardError.ReadToEndAsync()}");
    }

    private async Task<string> MountAsync(string name, params string[] mountArguments)
    {
        var target = Path.Combine(_root, name);
        Directory.CreateDirectory(target);
        await RunAsync("mount", [.. mountArguments, target]);
        _mounts.Add(target);
        return target;
    }

    /// <summary>PostgreSQL servers whose command line names the folder (the embedded one outlives a killed bot).</summary>
    private static List<int> ServersOn(string dataDirectory) =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(p => int.TryParse(p, out _)).Select(int.Parse!)
            .Where(pid =>
            {
                try
                {
                    var command = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
                    return command.Contains("postgres", StringComparison.Ordinal) && command.Contains(dataDirectory, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
            }).ToList();

    private static async Task<string> FailedStartAsync(Dictionary<string, string> settings)
    {
        await using var bot = BotProcess.StartWith(settings);
        var exit = await bot.ExitCodeAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(1, exit);
        var causes = bot.Output.Split('\n').Where(l => l.StartsWith("OperatorOne did not start: ", StringComparison.Ordinal)).ToList();
        Assert.True(causes.Count == 1, bot.Output);
        Assert.DoesNotContain("Unhandled exception", bot.Output, StringComparison.Ordinal);
        return causes[0];
    }

    [Fact]
    public async Task AReadOnlyDataFolderEndsTheStartWithOneLineNamingIt()
    {
        var source = Path.Combine(_root, "source");
        Directory.CreateDirectory(source);
        var readOnly = await MountAsync("read-only", "--bind", source);
        await RunAsync("mount", "-o", "remount,ro,bind", readOnly);
        var data = Path.Combine(readOnly, "postgres");

        var cause = await FailedStartAsync(Settings(data));

        Assert.Contains("Database:DataDirectory", cause, StringComparison.Ordinal);
        Assert.Contains("Read-only", cause, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(ServersOn(data));
    }

    [Fact]
    public async Task AFullDiskEndsTheStartWithOneLineNamingIt()
    {
        var small = await MountAsync("full", "-t", "tmpfs", "-o", "size=16m", "tmpfs");
        var data = Path.Combine(small, "postgres");

        var cause = await FailedStartAsync(Settings(data));

        Assert.Contains("is full", cause, StringComparison.Ordinal);
        Assert.Contains("Database:DataDirectory", cause, StringComparison.Ordinal);
        Assert.Empty(ServersOn(data));
    }

    [Fact]
    public async Task AnInvalidSettingEndsTheStartAndStopsTheEmbeddedServerItStarted()
    {
        var data = Path.Combine(_root, "invalid", "postgres");

        var cause = await FailedStartAsync(Settings(data, ("Hosting__ShutdownTimeoutSeconds", "0")));

        Assert.Contains("Hosting:ShutdownTimeoutSeconds", cause, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "PG_VERSION")), "The embedded server was started before the setting was read.");
        Assert.Empty(ServersOn(data));
    }

    [Fact]
    public async Task ADiskThatFillsWhileRunningMakesTheBotUnreadyUntilSpaceComesBack()
    {
        var disk = await MountAsync("filling", "-t", "tmpfs", "-o", "size=400m", "tmpfs");
        var data = Path.Combine(disk, "postgres");
        await using var bot = BotProcess.StartWith(Settings(data, ("Hosting__MinFreeDiskMegabytes", "60"), ("ASPNETCORE_ENVIRONMENT", "Production")));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await bot.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(180));
            var filler = Path.Combine(disk, "filler");
            await using (var file = File.Create(filler))
            {
                var chunk = new byte[1024 * 1024];
                while (new DriveInfo(disk).AvailableFreeSpace > 30L * 1024 * 1024)
                {
                    await file.WriteAsync(chunk);
                }
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessAsync(http, bot, HttpStatusCode.ServiceUnavailable));
            File.Delete(filler);
            Assert.Equal(HttpStatusCode.OK, await ReadinessAsync(http, bot, HttpStatusCode.OK));
        }
        finally
        {
            bot.Kill();
            await StopServerAsync(data);
        }
    }

    private static async Task<HttpStatusCode> ReadinessAsync(HttpClient http, BotProcess bot, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        HttpStatusCode status;
        while ((status = (await http.GetAsync(new Uri(bot.BaseAddress, "health/ready"))).StatusCode) != wanted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        return status;
    }

    /// <summary>A killed bot leaves its embedded server running; it holds the mount until stopped.</summary>
    private static async Task StopServerAsync(string data)
    {
        if (!File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            return;
        }
        var pgCtl = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin", "pg_ctl")).First(File.Exists);
        using var stop = Process.Start(new ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, "stop", "-D", data, "-m", "immediate", "-w"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        })!;
        await stop.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var mount in Enumerable.Reverse(_mounts))
        {
            using var unmount = Process.Start(new ProcessStartInfo("umount", ["-l", mount]) { RedirectStandardError = true })!;
            await unmount.WaitForExitAsync();
        }
        Directory.Delete(_root, recursive: true);
    }
}
