using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace OperatorOne.Tests.Ai;

/// <summary>
/// A local stand-in for an OpenAI-compatible /v1/chat/completions endpoint (and Azure OpenAI's
/// /openai/deployments/{deployment}/chat/completions?api-version=…) on real loopback HTTP: answers with the scripted
/// assistant messages in order (tool_calls or text, with usage) and records every request body, address and key header.
/// </summary>
public sealed class OpenAiStandIn : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<JsonObject> _script = new();
    private readonly ConcurrentQueue<JsonObject> _requests = new();
    private readonly ConcurrentQueue<(string PathAndQuery, string? ApiKey, string? Authorization)> _addresses = new();
    private Task? _loop;
    private int _id;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public Uri ApiBaseUrl => new(BaseAddress, "v1/");

    /// <summary>The bot's LLM settings pointing at this stand-in, with the model call given up after <paramref name="timeoutSeconds"/>.</summary>
    public void Configure(IDictionary<string, string?> settings, int timeoutSeconds)
    {
        settings["Llm:Provider"] = "OpenAI";
        settings["Llm:BaseUrl"] = ApiBaseUrl.ToString();
        settings["Llm:ApiKey"] = "sk-stand-in-secret-key";
        settings["Llm:Model"] = "stand-in-model";
        settings["Llm:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
    public IReadOnlyList<JsonObject> Requests => [.. _requests];
    public IReadOnlyList<(string PathAndQuery, string? ApiKey, string? Authorization)> Addresses => [.. _addresses];

    /// <summary>The chat-completions path it answers; Azure's carries the deployment.</summary>
    public string CompletionsPath { get; set; } = "/v1/chat/completions";

    /// <summary>
    /// Holds every answer until <see cref="Release"/>: a test proves a channel answered while a turn was still waiting
    /// for the model, without relying on timing.
    /// </summary>
    public void Hold() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _held.TrySetResult();

    /// <summary>
    /// Holds every answer until <paramref name="requests"/> requests wait at once, then answers them all: a test proves
    /// that many turns reached the model together, without timing (turns that queue behind each other never get there).
    /// </summary>
    public void HoldUntil(int requests)
    {
        _waiting = 0;
        _gate = requests;
        Hold();
    }

    private int _waiting;
    private int _gate = int.MaxValue;

    private TaskCompletionSource _held = Released();

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }

    /// <summary>The usage reported with every answer.</summary>
    public (int Prompt, int Completion) Usage { get; set; } = (120, 30);

    /// <summary>A model that reads its prompt: answers every request the script does not (null: a 404, nothing scripted).</summary>
    public Func<JsonObject, JsonObject>? Responder { get; set; }

    /// <summary>When set, every request gets this HTTP status, as a provider outage would.</summary>
    public int? FailWith { get; set; }

    public void Reset()
    {
        _script.Clear();
        _responders.Clear();
        _requests.Clear();
        _addresses.Clear();
        FailWith = null;
        _gate = int.MaxValue;
        Release();
        Usage = (120, 30);
    }

    public void ReplyText(string text) => _script.Enqueue(new JsonObject { ["role"] = "assistant", ["content"] = text });

    public void CallTool(string name, string argumentsJson) => _script.Enqueue(new JsonObject
    {
        ["role"] = "assistant",
        ["content"] = null,
        ["tool_calls"] = new JsonArray(new JsonObject
        {
            ["id"] = $"call_{Interlocked.Increment(ref _id)}",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name, ["arguments"] = argumentsJson },
        }),
    });

    /// <summary>
    /// An answer decided from the request itself, like a model that reads its prompt: <paramref name="decide"/> gets the
    /// request body and returns the tool to call and its JSON arguments.
    /// </summary>
    public void CallToolFrom(Func<JsonObject, (string Name, string ArgumentsJson)> decide)
    {
        _responders.Enqueue(decide);
        _script.Enqueue(new JsonObject { [DecidedMarker] = true });
    }

    private const string DecidedMarker = "$decided";

    private readonly ConcurrentQueue<Func<JsonObject, (string Name, string ArgumentsJson)>> _responders = new();

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
            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = JsonNode.Parse(await reader.ReadToEndAsync()) as JsonObject ?? [];
        _requests.Enqueue(body);
        _addresses.Enqueue((context.Request.Url?.PathAndQuery ?? "", context.Request.Headers["api-key"], context.Request.Headers["Authorization"]));
        // Taken from the script before waiting, so a late answer never takes a later test's message.
        var (status, answer) = Answer(context.Request.Url?.AbsolutePath ?? "", body);
        if (Interlocked.Increment(ref _waiting) >= _gate)
        {
            Release();
        }
        await _held.Task;
        try
        {
            var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client gave up (its timeout); nobody reads this answer.
        }
    }

    private (int, JsonObject) Answer(string path, JsonObject request)
    {
        if (FailWith is { } status)
        {
            return (status, new JsonObject { ["error"] = new JsonObject { ["message"] = "overloaded", ["type"] = "server_error" } });
        }
        if (path == CompletionsPath && _script.IsEmpty && Responder is { } responder)
        {
            return (200, Completion(responder(request)));
        }
        if (path != CompletionsPath || !_script.TryDequeue(out var message))
        {
            return (404, new JsonObject { ["error"] = new JsonObject { ["message"] = "nothing scripted", ["type"] = "invalid_request_error" } });
        }
        if (message[DecidedMarker] is not null && _responders.TryDequeue(out var decide))
        {
            var (name, arguments) = decide(request);
            message = new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = $"call_{Interlocked.Increment(ref _id)}",
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments },
                }),
            };
        }
        return (200, Completion(message));
    }

    private JsonObject Completion(JsonObject message)
    {
        var toolCalls = message["tool_calls"] is not null;
        return new JsonObject
        {
            ["id"] = $"chatcmpl-{Interlocked.Increment(ref _id)}",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "stand-in-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["finish_reason"] = toolCalls ? "tool_calls" : "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = Usage.Prompt, ["completion_tokens"] = Usage.Completion, ["total_tokens"] = Usage.Prompt + Usage.Completion },
        };
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
