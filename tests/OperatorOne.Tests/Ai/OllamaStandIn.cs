using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace OperatorOne.Tests.Ai;

/// <summary>
/// A local stand-in for Ollama's /api/chat on real loopback HTTP: scripted assistant messages (content or tool_calls
/// with object arguments) in order, streamed as NDJSON when the request asks for a stream, with done, done_reason,
/// prompt_eval_count and eval_count on the last chunk. Records every request body.
/// </summary>
public sealed class OllamaStandIn : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<JsonObject> _script = new();
    private readonly ConcurrentQueue<JsonObject> _requests = new();
    private Task? _loop;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public IReadOnlyList<JsonObject> Requests => [.. _requests];

    public void ReplyText(string text) => _script.Enqueue(new JsonObject { ["role"] = "assistant", ["content"] = text });

    public void CallTool(string name, string argumentsJson) => _script.Enqueue(new JsonObject
    {
        ["role"] = "assistant",
        ["content"] = "",
        ["tool_calls"] = new JsonArray(new JsonObject
        {
            ["function"] = new JsonObject { ["name"] = name, ["arguments"] = JsonNode.Parse(argumentsJson) },
        }),
    });

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
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync()) as JsonObject ?? [];
            _requests.Enqueue(body);
            var lines = Answer(context.Request.Url?.AbsolutePath ?? "", body, out var status);
            context.Response.StatusCode = status;
            context.Response.ContentType = lines.Count > 1 ? "application/x-ndjson" : "application/json";
            var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines.Select(l => l.ToJsonString())) + "\n");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private List<JsonObject> Answer(string path, JsonObject request, out int status)
    {
        if (path != "/api/chat" || !_script.TryDequeue(out var message))
        {
            status = 404;
            return [new JsonObject { ["error"] = "nothing scripted" }];
        }
        status = 200;
        var model = request["model"]?.GetValue<string>() ?? "llama3.2";
        var done = new JsonObject
        {
            ["model"] = model,
            ["created_at"] = "2026-11-22T12:00:00Z",
            ["message"] = message,
            ["done"] = true,
            ["done_reason"] = "stop",
            ["total_duration"] = 1_200_000,
            ["load_duration"] = 100_000,
            ["prompt_eval_count"] = 90,
            ["prompt_eval_duration"] = 500_000,
            ["eval_count"] = 20,
            ["eval_duration"] = 600_000,
        };
        if (request["stream"]?.GetValue<bool>() != true)
        {
            return [done];
        }
        // Streamed: the message first, then the final chunk with the counts and an empty message.
        var first = new JsonObject { ["model"] = model, ["created_at"] = "2026-11-22T12:00:00Z", ["message"] = message.DeepClone(), ["done"] = false };
        done["message"] = new JsonObject { ["role"] = "assistant", ["content"] = "" };
        return [first, done];
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
