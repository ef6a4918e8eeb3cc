using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace OperatorOne.Tests.Slack;

/// <summary>One call the bot made to the stand-in: the Web API method (or "response_url"), its bearer token and its arguments.</summary>
public sealed record SlackCall(string Method, string? Token, JsonObject Arguments);

/// <summary>One download of a shared file's url_private_download: the path and the Authorization header as sent ("" when none).</summary>
public sealed record SlackFileRequest(string Path, string Authorization);

/// <summary>A file the stand-in serves under /files-pri/; chunked bodies declare no length, so only the reader's cap stops them.</summary>
public sealed record SlackHostedFile(byte[] Bytes, string ContentType, bool Chunked = false);

/// <summary>
/// A local stand-in for slack.com/api on real loopback HTTP: answers the methods the bot uses the way Slack does
/// (JSON, ok/error, channel/ts) and records every call. Per-method answers can be overridden by a test.
/// </summary>
public sealed class SlackStandIn : IAsyncDisposable
{
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentQueue<SlackFileRequest> _fileRequests = new();
    private long _ts = 1_700_000_000_000;
    private readonly HttpListener _listener = new();
    private Task? _loop;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public Uri ApiBaseUrl => new(BaseAddress, "api/");

    /// <summary>Slack user id → the email users.info reports.</summary>
    public ConcurrentDictionary<string, string> Emails { get; } = new();

    /// <summary>Overrides keyed by method (optionally "method:channel"): the answer and HTTP status to give instead.</summary>
    public ConcurrentDictionary<string, (int Status, JsonObject Body)> Overrides { get; } = new();

    /// <summary>Calls to these channels are recorded, then answered only when their task completes (a slow Slack).</summary>
    public ConcurrentDictionary<string, Task> Holds { get; } = new();

    public IReadOnlyList<SlackCall> Calls => [.. _calls];

    /// <summary>Files served like files.slack.com's url_private_download, keyed by the part of the path after /files-pri/.</summary>
    public ConcurrentDictionary<string, SlackHostedFile> Files { get; } = new();

    public IReadOnlyList<SlackFileRequest> FileRequests => [.. _fileRequests];

    public Uri FileUrl(string key) => new(BaseAddress, $"files-pri/{key}");

    public Uri ResponseUrl(string id) => new(BaseAddress, $"hooks/{id}");

    /// <summary>
    /// An HttpListener rather than a WebApplication: a second ASP.NET host built in the test process can be caught by
    /// WebApplicationFactory's host-building listener and starve the bot of its test settings.
    /// </summary>
    public Task StartAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
        return Task.CompletedTask;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }
        var path = request.Url!.AbsolutePath;
        if (path.StartsWith("/files-pri/", StringComparison.Ordinal))
        {
            await ServeFileAsync(context, path);
            return;
        }
        var status = 200;
        JsonNode answer;
        if (path.StartsWith("/hooks/", StringComparison.Ordinal))
        {
            var json = JsonNode.Parse(body) as JsonObject ?? [];
            json["hook"] = path["/hooks/".Length..];
            _calls.Enqueue(new SlackCall("response_url", null, json));
            await WriteAsync(context.Response, 200, "ok", "text/plain");
            return;
        }
        var method = path.StartsWith("/api/", StringComparison.Ordinal) ? path["/api/".Length..] : path;
        var arguments = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true
            ? new JsonObject(QueryHelpers.ParseQuery("?" + body).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value.ToString()))))
            : JsonNode.Parse(body) as JsonObject ?? [];
        var auth = request.Headers["Authorization"] ?? "";
        var call = new SlackCall(method, auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : null, arguments);
        _calls.Enqueue(call);
        var channel = arguments["channel"]?.ToString();
        if (channel is not null && Holds.TryGetValue(channel, out var hold))
        {
            await hold;
        }
        if (Overrides.TryGetValue($"{method}:{channel}", out var specific) || Overrides.TryGetValue(method, out specific))
        {
            if (specific.Status == 429)
            {
                context.Response.Headers["Retry-After"] = "1";
            }
            (status, answer) = (specific.Status, specific.Body);
        }
        else
        {
            answer = Answer(call);
        }
        await WriteAsync(context.Response, status, answer.ToJsonString(), "application/json; charset=utf-8");
    }

    private async Task ServeFileAsync(HttpListenerContext context, string path)
    {
        _fileRequests.Enqueue(new SlackFileRequest(path, context.Request.Headers["Authorization"] ?? ""));
        if (!Files.TryGetValue(path["/files-pri/".Length..], out var file))
        {
            await WriteAsync(context.Response, 404, "Not found", "text/plain");
            return;
        }
        var response = context.Response;
        try
        {
            response.StatusCode = 200;
            response.ContentType = file.ContentType;
            if (file.Chunked)
            {
                response.SendChunked = true;
                for (var offset = 0; offset < file.Bytes.Length; offset += 65536)
                {
                    await response.OutputStream.WriteAsync(file.Bytes.AsMemory(offset, Math.Min(65536, file.Bytes.Length - offset)));
                }
            }
            else
            {
                response.ContentLength64 = file.Bytes.Length;
                await response.OutputStream.WriteAsync(file.Bytes);
            }
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The bot stopped reading (the size cap) and closed the connection.
            response.Abort();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string text, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private JsonObject Answer(SlackCall call)
    {
        var args = call.Arguments;
        var ts = (Interlocked.Increment(ref _ts) / 1_000_000m).ToString("0.000000", CultureInfo.InvariantCulture);
        return call.Method switch
        {
            "chat.postMessage" => new JsonObject { ["ok"] = true, ["channel"] = args["channel"]?.ToString(), ["ts"] = ts },
            "chat.update" => new JsonObject { ["ok"] = true, ["channel"] = args["channel"]?.ToString(), ["ts"] = args["ts"]?.ToString() },
            "chat.postEphemeral" => new JsonObject { ["ok"] = true, ["message_ts"] = ts },
            "conversations.open" => new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + args["users"] } },
            "users.info" => new JsonObject
            {
                ["ok"] = true,
                ["user"] = new JsonObject
                {
                    ["id"] = args["user"]?.ToString(),
                    ["is_bot"] = false,
                    ["profile"] = new JsonObject { ["email"] = Emails.GetValueOrDefault(args["user"]?.ToString() ?? "") },
                },
            },
            "auth.test" => new JsonObject { ["ok"] = true, ["team_id"] = "TSTANDIN", ["user_id"] = "UBOT", ["bot_id"] = "BBOT" },
            "oauth.v2.access" => new JsonObject
            {
                ["ok"] = true,
                ["access_token"] = $"xoxb-installed-{args["code"]}",
                ["token_type"] = "bot",
                ["bot_user_id"] = "UBOT2",
                ["team"] = new JsonObject { ["id"] = $"T{args["code"]}", ["name"] = "Installed Workspace" },
            },
            _ => new JsonObject { ["ok"] = false, ["error"] = "unknown_method" },
        };
    }

    /// <summary>Waits until calls matching <paramref name="match"/> number at least <paramref name="count"/>.</summary>
    public async Task<List<SlackCall>> WaitForAsync(Func<SlackCall, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = Calls.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Expected {count} matching Slack call(s), saw {found.Count}. All calls: "
                    + string.Join(" | ", Calls.Select(c => $"{c.Method} {c.Arguments.ToJsonString()}")));
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        if (_loop is not null)
        {
            await _loop;
        }
    }
}
