using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OperatorOne.Tests.Deploy;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Resilience;

/// <summary>
/// The built bot (OperatorOne.Bot.dll) as a process of its own on a loopback port, in Production, against a given
/// database; what a replica behind a load balancer is. Its output is kept for the failure message.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly List<string> _halts = [];
    private TaskCompletionSource _halted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

    private BotProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>`OperatorOne.Bot migrate` as the schema owner, once, as a deployment's migration job does.</summary>
    public static async Task MigrateAsync(string adminConnection)
    {
        await using var migrate = Start(["migrate"], new Dictionary<string, string> { ["ConnectionStrings__OperatorOneMigrations"] = adminConnection }, null);
        await migrate._process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (migrate._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"migrate failed ({migrate._process.ExitCode}):\n{migrate.Output}");
        }
    }

    public static BotProcess Start(string runtimeConnection, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings__OperatorOne"] = runtimeConnection,
            ["Database__MigrateOnStart"] = "false",
            ["Database__SeedDemo"] = "false",
            ["Database__Durable"] = "false",
            ["Secrets__Key"] = TestSecrets.MasterKey,
        };
        return Start([], environment, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>The bot with only these settings (no connection string: its embedded PostgreSQL), on a loopback port.</summary>
    public static BotProcess StartWith(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string>(settings) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" };
        return Start([], environment, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>The exit code, once the process has ended by itself (a failed start).</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    private static BotProcess Start(string[] args, IReadOnlyDictionary<string, string> environment, Uri? baseAddress)
    {
        var dll = BotAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        var bot = new BotProcess(process, baseAddress ?? new Uri("http://127.0.0.1/"));
        process.OutputDataReceived += (_, line) => bot.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => bot.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Waits until /health/ready answers 200 (migrated, database reachable).</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync(new Uri(BaseAddress, "health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The bot at {BaseAddress} was not ready in time:\n{Output}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until the process has said "halted at {point} …" <paramref name="count"/> times (a fault point named by
    /// Faults:HaltAt, see HaltPoints) and returns those lines; the timeout only guards against a hang.
    /// </summary>
    public async Task<IReadOnlyList<string>> HaltedAsync(string point, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var prefix = $"halted at {point} ";
        while (true)
        {
            Task next;
            lock (_halts)
            {
                var lines = _halts.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                if (lines.Count >= count)
                {
                    return lines;
                }
                next = _halted.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _process.HasExited)
            {
                throw new TimeoutException($"{BaseAddress} did not halt at {point} {count} times:\n{Output}");
            }
            await Task.WhenAny(next, Task.Delay(left));
        }
    }

    /// <summary>The first output line (already printed or still to come) that matches; the timeout only guards a failure.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.FirstOrDefault(match) is { } earlier)
            {
                return earlier;
            }
            _waiters.Add((match, seen));
        }
        try
        {
            return await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No such line from the bot in {timeout}:\n{Output}");
        }
    }

    /// <summary>As a crash or an OOM kill: no shutdown hooks, no released claims.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (line.StartsWith("halted at ", StringComparison.Ordinal))
        {
            lock (_halts)
            {
                _halts.Add(line);
                var halted = _halted;
                _halted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                halted.SetResult();
            }
        }
        lock (_output)
        {
            _output.Enqueue(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult(line);
            }
            while (_output.Count > 200)
            {
                _output.Dequeue();
            }
        }
    }

    /// <summary>The bot's own build output for the configuration these tests were built in.</summary>
    private static string BotAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var built = RepositoryFiles.PathOf($"bot/OperatorOne.Bot/bin/{configuration}/net10.0/OperatorOne.Bot.dll");
        return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "OperatorOne.Bot.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
