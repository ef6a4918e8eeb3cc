using System.Diagnostics;
using System.Text.Json.Nodes;
using OperatorOne.Tests.Deploy;

namespace OperatorOne.Tests.Benchmarks;

/// <summary>
/// The turn benchmark (tests/OperatorOne.Benchmarks, `turns`) run once at its tiny size, only to prove it works: its
/// numbers are the README's business, not this test's. Like the full run it starts its own durable embedded PostgreSQL
/// (here in a throwaway folder), so the statement counting through pg_stat_statements is exercised too, and its model
/// step (a second bot with a model answering after 3 s) once.
/// </summary>
public sealed class TurnBenchmarkSmokeTests
{
    private static readonly string[] Kinds = ["help", "show my tickets", "open a ticket"];
    private static readonly string[] Channels = ["Teams", "Web chat", "Slack", "Phone"];

    [Fact]
    public async Task TinyTurnBenchmarkRepliesToEveryTurnOfEveryKindInEveryChannel()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"turn-benchmark-{Guid.NewGuid():N}");
        var json = Path.Combine(folder, "results.json");
        Directory.CreateDirectory(folder);
        try
        {
            var (exitCode, output) = await RunAsync(["turns", "--size", "tiny", "--data", Path.Combine(folder, "postgres"), "--json", json]);

            Assert.True(exitCode == 0, $"The benchmark exited with {exitCode}:\n{output}");
            Assert.Contains("| turn | channel |", output, StringComparison.Ordinal);
            var results = JsonNode.Parse(await File.ReadAllTextAsync(json))!;
            var steps = results["steps"]!.AsArray().OfType<JsonObject>().ToList();
            foreach (var kind in Kinds)
            {
                foreach (var channel in Channels)
                {
                    var step = Assert.Single(steps, s => s["kind"]!.GetValue<string>() == kind && s["channel"]!.GetValue<string>() == channel);
                    var what = $"{kind} via {channel}: {step.ToJsonString()}";
                    Assert.True(step["turns"]!.GetValue<long>() > 0, what);
                    Assert.True(step["failed"]!.GetValue<long>() == 0, what);
                    Assert.True(step["missingReplies"]!.GetValue<long>() == 0, what);
                    Assert.True(step["statementsPerTurn"] is not null, what);
                    // CPU per turn, read from /proc for the bot and for the PostgreSQL it started: both did work.
                    Assert.True(step["cpuMsPerTurn"]!["bot"]!.GetValue<double>() > 0, what);
                    Assert.True(step["cpuMsPerTurn"]!["database"]?.GetValue<double>() > 0, what);
                    Assert.All(step["closed"]!.AsArray(), c => Assert.True(c!["turns"]!.GetValue<int>() > 0, what));
                }
            }
            // The model step: twenty members asked a model at once and each got its answer (how fast is the README's business).
            Assert.Contains("model step: 20 members", output, StringComparison.Ordinal);
            var model = results["model"]!;
            Assert.Equal((20, 20, 20), (model["posted"]!.GetValue<int>(), model["replied"]!.GetValue<int>(), model["modelRequests"]!.GetValue<int>()));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the folder lives under the temporary directory.
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] arguments)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryFiles.PathOf($"tests/OperatorOne.Benchmarks/bin/{configuration}/net10.0/OperatorOne.Benchmarks.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The benchmark did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung run only; the tiny size finishes in well under a minute on an idle machine.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The benchmark did not finish:\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, $"{await stdout}\n{await stderr}");
    }
}
