using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OperatorOne.Tests.Infrastructure;

/// <summary>
/// A conversation script over the Direct Line API, as the web chat client speaks it:
/// <c>await chat.Send("open a ticket: printer jammed"); await chat.ExpectReply("#1");</c>
/// </summary>
public sealed class Chat : IDisposable
{
    private readonly HttpClient _http;
    private readonly List<JsonObject> _seen = [];
    private string? _watermark;

    private Chat(HttpClient http, string conversationId, string userId)
    {
        _http = http;
        ConversationId = conversationId;
        UserId = userId;
    }

    public string ConversationId { get; }
    public string UserId { get; }

    /// <summary>Every bot message received so far, in order.</summary>
    public IReadOnlyList<JsonObject> BotActivities => _seen.Where(a => a["from"]?["role"]?.GetValue<string>() == "bot").ToList();

    public static async Task<Chat> StartAsync(BotHost host, TestOrganization organization, string handle)
    {
        var http = host.CreateClient();
        var userId = organization.WebChatUserId(handle);
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate")
        {
            Content = JsonContent.Create(new { user = new { id = userId, name = handle } }),
        };
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", organization.SiteSecret);
        var tokenResponse = await http.SendAsync(generate);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        return await ConnectAsync(http, token, userId);
    }

    /// <summary>A conversation with a Direct Line token the bot already issued (a member's own sign-in).</summary>
    public static Task<Chat> StartWithTokenAsync(BotHost host, string token, string userId) => ConnectAsync(host.CreateClient(), token, userId);

    private static async Task<Chat> ConnectAsync(HttpClient http, string token, string userId)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var start = await http.PostAsJsonAsync("/v3/directline/conversations", new { });
        start.EnsureSuccessStatusCode();
        var conversationId = (await start.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!.GetValue<string>();
        return new Chat(http, conversationId, userId);
    }

    /// <summary>Posts a message; returns the id the server gave it.</summary>
    public async Task<string> Send(string text) => await Post(new JsonObject
    {
        ["type"] = "message",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = UserId },
        ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
    });

    /// <summary>Posts a card action, as Web Chat does for Action.Submit with object data.</summary>
    public async Task<string> Submit(JsonObject value) => await Post(new JsonObject
    {
        ["type"] = "message",
        ["value"] = value,
        ["from"] = new JsonObject { ["id"] = UserId },
        ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N"), ["postBack"] = true },
    });

    /// <summary>Sends files as Web Chat's attach button does: multipart to /upload with an activity part and file parts.</summary>
    public async Task<HttpResponseMessage> Upload(string fileName, string contentType, byte[] bytes, string? text = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = UserId },
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = contentType, ["name"] = fileName }),
            ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
        };
        if (text is not null)
        {
            activity["text"] = text;
        }
        var form = new MultipartFormDataContent();
        var activityPart = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(activity.ToJsonString()));
        activityPart.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activityPart, "activity", "blob");
        var filePart = new ByteArrayContent(bytes);
        filePart.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(filePart, "file", fileName);
        return await UploadRaw(form);
    }

    public async Task<HttpResponseMessage> UploadRaw(HttpContent content, string? conversationId = null) =>
        await _http.PostAsync($"/v3/directline/conversations/{conversationId ?? ConversationId}/upload?userId={Uri.EscapeDataString(UserId)}", content);

    /// <summary>A GET with this conversation's token (a download link the bot sent).</summary>
    public async Task<HttpResponseMessage> Get(string url) => await _http.GetAsync(url);

    public async Task<string> Post(JsonObject activity)
    {
        var response = await _http.PostAsJsonAsync($"/v3/directline/conversations/{ConversationId}/activities", activity);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>Waits for a new bot message whose text contains <paramref name="fragment"/> (case-insensitive).</summary>
    public async Task<JsonObject> ExpectReply(string fragment, TimeSpan? timeout = null) =>
        await ExpectBot(a => (a["text"]?.GetValue<string>() ?? "").Contains(fragment, StringComparison.OrdinalIgnoreCase),
            $"a reply containing \"{fragment}\"", timeout);

    /// <summary>Waits for a bot activity carrying an Adaptive Card whose JSON contains <paramref name="fragment"/>.</summary>
    public async Task<JsonObject> ExpectCard(string fragment, TimeSpan? timeout = null) =>
        await ExpectBot(a => a["attachments"] is JsonArray { Count: > 0 } attachments && attachments.ToJsonString().Contains(fragment, StringComparison.OrdinalIgnoreCase),
            $"a card containing \"{fragment}\"", timeout);

    /// <summary>Waits for the bot's first answer to the activity <paramref name="activityId"/> (its replyToId), whatever it says.</summary>
    public async Task<JsonObject> ExpectAnswerTo(string activityId, TimeSpan? timeout = null) =>
        await ExpectBot(a => a["replyToId"]?.GetValue<string>() == activityId, $"an answer to {activityId}", timeout);

    private int _consumed;

    private async Task<JsonObject> ExpectBot(Func<JsonObject, bool> match, string what, TimeSpan? timeout)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var bot = BotActivities;
            for (var i = _consumed; i < bot.Count; i++)
            {
                if (match(bot[i]))
                {
                    _consumed = i + 1;
                    return bot[i];
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                var texts = string.Join(" | ", bot.Skip(_consumed).Select(a => a["text"]?.GetValue<string>()));
                throw new Xunit.Sdk.XunitException($"Expected {what}; the bot said: {texts}");
            }
            await Poll();
            // A loopback read costs about a millisecond; a turn, a few. Polling often keeps each test's answer from
            // waiting out a long interval, which across the suite's thousands of turns was minutes of idle cores.
            await Task.Delay(20);
        }
    }

    private async Task Poll()
    {
        var set = await _http.GetFromJsonAsync<JsonObject>($"/v3/directline/conversations/{ConversationId}/activities?watermark={_watermark}");
        _watermark = set!["watermark"]?.GetValue<string>() ?? _watermark;
        foreach (var activity in set["activities"]!.AsArray().OfType<JsonObject>())
        {
            _seen.Add(activity);
        }
    }

    public void Dispose() => _http.Dispose();
}
