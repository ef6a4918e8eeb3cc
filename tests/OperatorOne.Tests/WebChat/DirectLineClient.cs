using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.WebChat;

/// <summary>Raw Direct Line calls as DLJS makes them, for conformance tests that look at status codes and bodies.</summary>
internal sealed class DirectLineClient(BotHost host) : IDisposable
{
    private readonly HttpClient _http = host.CreateClient();

    public async Task<HttpResponseMessage> PostAsync(string path, string? credential, string? json = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return await _http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, HttpContent content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }
        return await _http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }
        return await _http.SendAsync(request);
    }

    /// <summary>tokens/generate with the site secret, for a named user.</summary>
    public async Task<(string ConversationId, string Token)> GenerateAsync(TestOrganization organization, string handle)
    {
        var response = await PostAsync("/v3/directline/tokens/generate", organization.SiteSecret,
            new JsonObject { ["user"] = new JsonObject { ["id"] = organization.WebChatUserId(handle), ["name"] = handle } }.ToJsonString());
        response.EnsureSuccessStatusCode();
        var body = await JsonAsync(response);
        return (body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    /// <summary>A started conversation and its token, as Web Chat has them after connecting.</summary>
    public async Task<(string ConversationId, string Token)> StartAsync(TestOrganization organization, string handle)
    {
        var (conversationId, token) = await GenerateAsync(organization, handle);
        var started = await PostAsync("/v3/directline/conversations", token);
        started.EnsureSuccessStatusCode();
        return (conversationId, (await JsonAsync(started))["token"]!.GetValue<string>());
    }

    public Task<HttpResponseMessage> PostActivityAsync(string conversationId, string token, string json) =>
        PostAsync($"/v3/directline/conversations/{conversationId}/activities", token, json);

    public static string Message(string text, string clientActivityId) =>
        new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "someone-else", ["name"] = "Impostor" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
        }.ToJsonString();

    public async Task<JsonObject> ActivitiesAsync(string conversationId, string token, string? watermark = null)
    {
        var response = await GetAsync($"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);
        response.EnsureSuccessStatusCode();
        return await JsonAsync(response);
    }

    /// <summary>Reads until a bot activity replying to <paramref name="activityId"/> shows up.</summary>
    public async Task<JsonArray> ActivitiesUntilReplyToAsync(string conversationId, string token, string activityId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var activities = (await ActivitiesAsync(conversationId, token))["activities"]!.AsArray();
            if (activities.Any(a => a?["replyToId"]?.GetValue<string>() == activityId) || DateTime.UtcNow > deadline)
            {
                return activities;
            }
            await Task.Delay(20);
        }
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<string> ErrorCodeAsync(HttpResponseMessage response) =>
        (await JsonAsync(response))["error"]!["code"]!.GetValue<string>();

    public void Dispose() => _http.Dispose();
}
