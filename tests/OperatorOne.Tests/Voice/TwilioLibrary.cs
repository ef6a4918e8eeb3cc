using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OperatorOne.Tests.Deploy;

namespace OperatorOne.Tests.Voice;

/// <summary>
/// The official twilio npm package (pinned by tests/conformance/package-lock.json), run through node as an oracle:
/// installs it with `npm ci` the first time, then signs and validates the cases it is given.
/// </summary>
internal static class TwilioLibrary
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static string Directory => RepositoryFiles.PathOf("tests/conformance");

    public sealed record Case(string Url, IReadOnlyDictionary<string, string> Params, string Signature);

    public sealed record Result(string Expected, bool Valid);

    public static async Task<IReadOnlyList<Result>> RunAsync(string authToken, IReadOnlyList<Case> cases)
    {
        await EnsureInstalledAsync();
        var input = new JsonObject
        {
            ["authToken"] = authToken,
            ["cases"] = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
            {
                ["url"] = c.Url,
                ["params"] = new JsonObject(c.Params.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                ["signature"] = c.Signature,
            })]),
        };
        var output = await RunAsync("node", ["twilio-signature.cjs"], input.ToJsonString());
        return JsonSerializer.Deserialize<List<Result>>(output, JsonSerializerOptions.Web) ?? [];
    }

    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(Directory, "node_modules", "twilio", "package.json")))
            {
                await RunAsync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], null);
            }
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<string> RunAsync(string program, string[] arguments, string? stdin)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed: {await stderr}");
        return await stdout;
    }
}
