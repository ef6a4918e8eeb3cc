using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>
/// Web chat: a Direct Line 3.0 activity post with the conversation's token, as Web Chat sends it. The reply is in
/// the conversation's activity log when the post is answered; the log is read once at the end to check every turn's.
/// </summary>
internal sealed class DirectLineTurns(IReadOnlyList<BenchmarkMember> members) : ITurnChannel
{
    private ConversationRing<Conversation>? _ring;

    public string Name => "Web chat";

    public bool RepliesFollowTheAnswer => false;

    private sealed record Conversation(string Id, DirectLineToken Token, string UserId, int BotMessagesBefore);

    public async Task PrepareAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var conversations = new List<Conversation>();
        foreach (var member in members)
        {
            using var generate = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/generate")
            {
                Content = JsonContent.Create(new { user = new { id = member.WebChatUserId, name = member.Handle } }),
            };
            generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", member.SiteSecret);
            var token = DirectLineToken.From(await ReadAsync(await http.SendAsync(generate, cancellationToken), cancellationToken));
            using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations") { Content = JsonContent.Create(new { }) };
            start.Headers.Authorization = token.Header;
            var id = (await ReadAsync(await http.SendAsync(start, cancellationToken), cancellationToken))["conversationId"]!.GetValue<string>();
            var conversation = new Conversation(id, token, member.WebChatUserId, 0);
            conversations.Add(conversation with { BotMessagesBefore = await BotMessagesAsync(http, conversation, cancellationToken) });
        }
        _ring = new ConversationRing<Conversation>(conversations);
    }

    public async Task<bool> SendAsync(HttpClient http, string text, CancellationToken cancellationToken)
    {
        var (conversation, index) = Ring.Next();
        using var post = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{conversation.Id}/activities")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["type"] = "message",
                ["text"] = text,
                ["from"] = new JsonObject { ["id"] = conversation.UserId },
                ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
            }),
        };
        post.Headers.Authorization = await conversation.Token.HeaderAsync(http, cancellationToken);
        using var response = await http.SendAsync(post, cancellationToken);
        Ring.Sent(index);
        return response.IsSuccessStatusCode;
    }

    public async Task<long> MissingRepliesAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var replies = new int[Ring.All.Count];
        for (var i = 0; i < replies.Length; i++)
        {
            replies[i] = await BotMessagesAsync(http, Ring.All[i], cancellationToken) - Ring.All[i].BotMessagesBefore;
        }
        return Ring.Missing((_, i) => replies[i]);
    }

    private ConversationRing<Conversation> Ring => _ring ?? throw new InvalidOperationException("Web chat conversations are not open yet.");

    private static async Task<int> BotMessagesAsync(HttpClient http, Conversation conversation, CancellationToken cancellationToken)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{conversation.Id}/activities");
        get.Headers.Authorization = await conversation.Token.HeaderAsync(http, cancellationToken);
        var set = await ReadAsync(await http.SendAsync(get, cancellationToken), cancellationToken);
        return set["activities"]!.AsArray().OfType<JsonObject>()
            .Count(a => a["type"]?.GetValue<string>() == "message" && a["from"]?["id"]?.GetValue<string>() != conversation.UserId);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode && JsonNode.Parse(text) is JsonObject json
                ? json
                : throw new InvalidOperationException($"Direct Line answered {(int)response.StatusCode}: {text}");
        }
    }
}
