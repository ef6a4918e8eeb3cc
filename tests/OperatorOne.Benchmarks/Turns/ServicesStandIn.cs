using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>
/// The services off this machine the bot answers through, on loopback Kestrel: the Teams Bot Connector (v3 REST), the
/// Slack Web API and an OpenAI-format model (chat completions) that answers every request after <see cref="ModelDelay"/>.
/// It only counts the messages each conversation got, so the benchmark can check every turn's reply.
/// </summary>
internal sealed class ServicesStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _messages = new();
    private long _ids;
    private int _modelRequests;

    private ServicesStandIn(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public string TeamsServiceUrl => $"{BaseAddress}connector/";
    public string SlackApiBaseUrl => $"{BaseAddress}slack/api/";
    public string ModelBaseUrl => $"{BaseAddress}llm/v1/";

    /// <summary>How long the model takes over every answer, as a real one thinks: each request waits on its own.</summary>
    public TimeSpan ModelDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The model's answer to every request.</summary>
    public const string ModelAnswer = "The model's considered answer.";

    public int ModelRequests => Volatile.Read(ref _modelRequests);

    /// <summary>Messages received for a Teams conversation id or a Slack channel id.</summary>
    public int MessagesIn(string conversation) => _messages.GetValueOrDefault(conversation);

    public static async Task<ServicesStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new ServicesStandIn(app);
        app.MapMethods("/connector/{**rest}", ["POST", "PUT"], (Delegate)standIn.ConnectorAsync);
        app.MapPost("/slack/api/{method}", standIn.SlackAsync);
        app.MapPost("/llm/v1/chat/completions", (Delegate)standIn.CompletionAsync);
        await app.StartAsync();
        standIn.BaseAddress = new Uri(app.Urls.First() + "/");
        return standIn;
    }

    private async Task<IResult> ConnectorAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        var path = http.Features.Get<IHttpRequestFeature>()!.RawTarget.Split('?')[0].Split('/');
        // /connector/v3/conversations/{id}/activities[/{replyTo}]; a bare /v3/conversations creates a 1:1 for a notice.
        if (path.Length < 6)
        {
            return Json($$"""{"id":"a:1created-{{Next()}}"}""");
        }
        if (http.Request.Method == "POST" && body["type"]?.GetValue<string>() == "message")
        {
            _messages.AddOrUpdate(Uri.UnescapeDataString(path[4]), 1, (_, n) => n + 1);
        }
        return Json($$"""{"id":"{{body["id"]?.GetValue<string>() ?? "msg-" + Next()}}"}""");
    }

    private async Task<IResult> SlackAsync(HttpContext http, string method)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        var json = form is null ? await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [] : null;
        string Argument(string name) => form?[name].ToString() ?? json?[name]?.ToString() ?? "";
        var ts = (1_700_000_000m + Next() / 1_000_000m).ToString("0.000000", CultureInfo.InvariantCulture);
        switch (method)
        {
            case "chat.postMessage":
                _messages.AddOrUpdate(Argument("channel"), 1, (_, n) => n + 1);
                return Json($$"""{"ok":true,"channel":"{{Argument("channel")}}","ts":"{{ts}}"}""");
            case "chat.update":
                return Json($$"""{"ok":true,"channel":"{{Argument("channel")}}","ts":"{{Argument("ts")}}"}""");
            case "chat.postEphemeral":
                return Json($$"""{"ok":true,"message_ts":"{{ts}}"}""");
            case "conversations.open":
                // Not the DM ids the benchmark writes in, so notices to other members are not counted as replies.
                return Json($$$"""{"ok":true,"channel":{"id":"DOPEN{{{Argument("users")}}}"}}""");
            case "auth.test":
                return Json("""{"ok":true,"team_id":"TSTANDIN","user_id":"UBOT","bot_id":"BBOT"}""");
            case "users.info":
                return Json(new JsonObject
                {
                    ["ok"] = true,
                    ["user"] = new JsonObject { ["id"] = Argument("user"), ["is_bot"] = false, ["profile"] = new JsonObject() },
                }.ToJsonString());
            default:
                return Json("""{"ok":false,"error":"unknown_method"}""");
        }
    }

    private async Task<IResult> CompletionAsync(HttpContext http)
    {
        Interlocked.Increment(ref _modelRequests);
        await JsonNode.ParseAsync(http.Request.Body);
        await Task.Delay(ModelDelay, http.RequestAborted);
        return Json(new JsonObject
        {
            ["id"] = $"chatcmpl-{Next()}",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "stand-in-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = ModelAnswer },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 30, ["total_tokens"] = 150 },
        }.ToJsonString());
    }

    private long Next() => Interlocked.Increment(ref _ids);

    private static IResult Json(string text) => Results.Text(text, "application/json; charset=utf-8");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
