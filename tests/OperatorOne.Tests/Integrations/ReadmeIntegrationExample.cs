using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OperatorOne.Tests.Deploy;

namespace OperatorOne.Tests.Integrations;

/// <summary>One curl command from the README: its method, path after $BOT, headers and JSON body, placeholders filled.</summary>
internal sealed record ReadmeCurl(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(Method, Path);
        foreach (var (name, value) in Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (Body is not null)
        {
            request.Content = new StringContent(Body, Encoding.UTF8, Headers.GetValueOrDefault("Content-Type", "application/json"));
        }
        return request;
    }
}

/// <summary>
/// The worked example in the README's Integrations section, read block by block (each fenced block follows an
/// <c>&lt;!-- example: name --&gt;</c> marker), with <c>$NAME</c> placeholders filled from <see cref="Values"/>.
/// </summary>
internal sealed partial class ReadmeIntegrationExample
{
    private readonly Dictionary<string, string> _blocks;

    private ReadmeIntegrationExample(Dictionary<string, string> blocks) => _blocks = blocks;

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public static ReadmeIntegrationExample Load() => new(Block().Matches(RepositoryFiles.Read("README.md"))
        .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["code"].Value.Replace("\r\n", "\n", StringComparison.Ordinal)));

    public string Code(string name) => _blocks.TryGetValue(name, out var code) ? code : throw new Xunit.Sdk.XunitException($"The README has no example block '{name}'.");

    public string Filled(string name) => Fill(Code(name));

    public JsonNode Json(string name) => JsonNode.Parse(Filled(name))!;

    public ReadmeCurl Curl(string name)
    {
        var command = Filled(name).Replace("\\\n", " ", StringComparison.Ordinal);
        var method = CurlMethod().Match(command) is { Success: true } m ? m.Groups[1].Value : "GET";
        var url = CurlUrl().Match(command);
        Assert.True(url.Success, $"The README's '{name}' curl names no \"{Values["BOT"]}/…\" address.");
        var headers = CurlHeader().Matches(command).ToDictionary(h => h.Groups["name"].Value, h => h.Groups["value"].Value);
        var body = CurlBody().Match(command) is { Success: true } b ? b.Groups[1].Value : null;
        return new ReadmeCurl(new HttpMethod(method), url.Groups["path"].Value, headers, body);
    }

    /// <summary>The chat block as (speaker, text) lines: "Mia: …" is sent, "Bot: …" is expected.</summary>
    public IReadOnlyList<(string Speaker, string Text)> Chat() =>
        [.. Code("chat").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':', 2)).Select(p => (p[0].Trim(), p[1].Trim()))];

    /// <summary>An HTTP request block: its request line and the names of the headers it shows.</summary>
    public (string RequestLine, IReadOnlyList<string> Headers, string Body) Http(string name)
    {
        var code = Code(name);
        var split = code.IndexOf("\n\n", StringComparison.Ordinal);
        var head = (split < 0 ? code : code[..split]).Split('\n');
        return (head[0], [.. head.Skip(1).Select(l => l.Split(':', 2)[0].Trim())], split < 0 ? "" : code[(split + 2)..]);
    }

    /// <summary>Runs the README's verify snippet in node over each (secret, header, body) and returns its verdicts.</summary>
    public async Task<IReadOnlyList<bool>> VerifyWithSnippetAsync(params (string Secret, string? Header, byte[] Body)[] cases)
    {
        var script = Path.Combine(Path.GetTempPath(), $"operatorone-verify-{Guid.NewGuid():N}.cjs");
        await File.WriteAllTextAsync(script, Code("verify") + """

            const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            process.stdout.write(JSON.stringify(cases.map(c => verifyOperatorOne(c.secret, c.header, Buffer.from(c.body, 'base64')))));
            """);
        try
        {
            var input = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
            {
                ["secret"] = c.Secret, ["header"] = c.Header, ["body"] = Convert.ToBase64String(c.Body),
            })]);
            using var node = Process.Start(new ProcessStartInfo("node", [script])
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("node did not start.");
            await node.StandardInput.WriteAsync(input.ToJsonString());
            node.StandardInput.Close();
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await node.WaitForExitAsync(timeout.Token);
            Assert.True(node.ExitCode == 0, $"The README's verify snippet failed: {await errors}");
            return [.. JsonNode.Parse(await output)!.AsArray().Select(v => v!.GetValue<bool>())];
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>The property names of an object, and of the objects inside it, as "a", "a.b": the shape a receiver relies on.</summary>
    public static SortedSet<string> Shape(JsonNode? node, string prefix = "")
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (node is JsonObject json)
        {
            foreach (var (key, value) in json)
            {
                names.Add(prefix + key);
                names.UnionWith(Shape(value, $"{prefix}{key}."));
            }
        }
        return names;
    }

    private string Fill(string text) => Placeholder().Replace(text, m =>
        Values.TryGetValue(m.Groups[1].Value, out var value) ? value : throw new Xunit.Sdk.XunitException($"No value for ${m.Groups[1].Value}."));

    [GeneratedRegex(@"<!-- example: (?<name>[a-z-]+) -->\s*```[a-z]*\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"\$([A-Z][A-Z0-9_]*)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"-X ([A-Z]+)")]
    private static partial Regex CurlMethod();

    [GeneratedRegex("curl (?:-X [A-Z]+ )?\"https?://[^/\"]+(?<path>/[^\"]*)\"")]
    private static partial Regex CurlUrl();

    [GeneratedRegex("-H \"(?<name>[^:\"]+): (?<value>[^\"]*)\"")]
    private static partial Regex CurlHeader();

    [GeneratedRegex(@"-d '([^']*)'", RegexOptions.Singleline)]
    private static partial Regex CurlBody();
}
