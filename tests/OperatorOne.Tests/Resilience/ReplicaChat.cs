using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Resilience;

/// <summary>
/// A Direct Line conversation as a client behind a load balancer sees it: any replica may take any request, and a
/// request that fails (connection lost, 5xx) is sent again, with the same clientActivityID, to another replica.
/// </summary>
internal sealed class ReplicaChat(HttpClient http, string token, string conversationId, string userId)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public string ConversationId { get; } = conversationId;

    /// <summary>Sees every answer to a post, retried ones included (a test that asserts what the client was told).</summary>
    public Func<HttpResponseMessage, Task>? Answered { get; set; }

    /// <summary>When a post left (<see cref="System.Diagnostics.Stopwatch"/> ticks), on its request: an answer may arrive after the world changed.</summary>
    public static readonly HttpRequestOptionsKey<long> SentAt = new("operatorone-sent-at");

    public static async Task<ReplicaChat> StartAsync(HttpClient http, Uri replica, TestOrganization organization, string handle)
    {
        var userId = organization.WebChatUserId(handle);
        using var generate = new HttpRequestMessage(HttpMethod.Post, new Uri(replica, "v3/directline/tokens/generate"))
        {
            Content = JsonContent.Create(new { user = new { id = userId, name = handle } }),
        };
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", organization.SiteSecret);
        var tokenResponse = await http.SendAsync(generate);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(replica, "v3/directline/conversations")) { Content = JsonContent.Create(new { }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = await http.SendAsync(start);
        started.EnsureSuccessStatusCode();
        var conversationId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!.GetValue<string>();
        return new ReplicaChat(http, token, conversationId, userId);
    }

    /// <summary>Sends a message to the first replica that takes it; returns the activity id the bot gave it.</summary>
    public Task<string> SendAsync(string text, params Uri[] replicas) => PostAsync(new JsonObject
    {
        ["type"] = "message",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = userId },
        ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
    }, replicas);

    /// <summary>A card click (Action.Submit), as Web Chat posts it.</summary>
    public Task<string> SubmitAsync(JsonObject value, params Uri[] replicas) => PostAsync(new JsonObject
    {
        ["type"] = "message",
        ["value"] = value,
        ["from"] = new JsonObject { ["id"] = userId },
        ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N"), ["postBack"] = true },
    }, replicas);

    private async Task<string> PostAsync(JsonObject activity, Uri[] replicas)
    {
        var deadline = DateTime.UtcNow + Patience;
        for (var attempt = 0; ; attempt++)
        {
            var replica = replicas[attempt % replicas.Length];
            try
            {
                using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(replica, $"v3/directline/conversations/{ConversationId}/activities"))
                {
                    Content = JsonContent.Create(activity),
                };
                post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                post.Options.Set(SentAt, System.Diagnostics.Stopwatch.GetTimestamp());
                var response = await http.SendAsync(post);
                if (Answered is { } answered)
                {
                    await answered(response);
                }
                if ((int)response.StatusCode < 500)
                {
                    response.EnsureSuccessStatusCode();
                    return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
                }
            }
            catch (HttpRequestException e) when (e.StatusCode is null or >= HttpStatusCode.InternalServerError)
            {
                // The replica went away mid-request; the same activity goes to the next one.
            }
            catch (TaskCanceledException)
            {
                // Timed out; likewise.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No replica took the post to {ConversationId}.");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Every activity in the conversation so far, read from whichever replica answers.</summary>
    public async Task<List<JsonObject>> ReadAsync(params Uri[] replicas)
    {
        foreach (var replica in replicas)
        {
            try
            {
                using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(replica, $"v3/directline/conversations/{ConversationId}/activities"));
                get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var set = await (await http.SendAsync(get)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
                return set!["activities"]!.AsArray().OfType<JsonObject>().ToList();
            }
            catch (HttpRequestException)
            {
                // Try the next replica.
            }
        }
        throw new InvalidOperationException("No replica answered.");
    }

    /// <summary>Waits for the approval card of <paramref name="approvalId"/> and returns its approve data.</summary>
    public async Task<JsonObject> ExpectApprovalCardAsync(Guid approvalId, params Uri[] replicas)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var card = (await ReadAsync(replicas)).FirstOrDefault(a => a["attachments"] is JsonArray { Count: > 0 } attachments
                && attachments.ToJsonString().Contains(approvalId.ToString(), StringComparison.Ordinal)
                && attachments.ToJsonString().Contains("\"approve\"", StringComparison.Ordinal));
            if (card is not null)
            {
                return ApprovalCard.Data(card, "approve");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No approval card for {approvalId} in {ConversationId}.");
            }
            await Task.Delay(100);
        }
    }
}
