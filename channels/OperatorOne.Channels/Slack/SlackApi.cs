using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// The few Slack Web API methods the bot uses, over plain HTTP: JSON bodies for chat.*, form bodies for the rest
/// (not every read method accepts JSON). Every answer is checked for <c>ok</c>; a 429 carries its Retry-After.
/// </summary>
internal sealed class SlackApi(IHttpClientFactory clients, IOptions<SlackOptions> options)
{
    public const string ClientName = "slack";

    public Task<SlackApiResult> PostMessageAsync(string token, string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        var body = MessageBody(message);
        body["channel"] = channel;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }
        return CallJsonAsync("chat.postMessage", token, body, cancellationToken);
    }

    public Task<SlackApiResult> UpdateMessageAsync(string token, string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = MessageBody(message);
        body["channel"] = channel;
        body["ts"] = ts;
        // An update without blocks keeps the old buttons; an empty list removes them.
        body["blocks"] ??= new JsonArray();
        return CallJsonAsync("chat.update", token, body, cancellationToken);
    }

    public Task<SlackApiResult> PostEphemeralAsync(string token, string channel, string user, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = MessageBody(message);
        body["channel"] = channel;
        body["user"] = user;
        return CallJsonAsync("chat.postEphemeral", token, body, cancellationToken);
    }

    public Task<SlackApiResult> OpenConversationAsync(string token, string userId, CancellationToken cancellationToken) =>
        CallFormAsync("conversations.open", token, [new("users", userId)], cancellationToken);

    public Task<SlackApiResult> UserInfoAsync(string token, string userId, CancellationToken cancellationToken) =>
        CallFormAsync("users.info", token, [new("user", userId)], cancellationToken);

    public Task<SlackApiResult> AuthTestAsync(string token, CancellationToken cancellationToken) =>
        CallFormAsync("auth.test", token, [], cancellationToken);

    public Task<SlackApiResult> OAuthAccessAsync(string code, string redirectUri, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return CallFormAsync("oauth.v2.access", token: null,
            [new("client_id", settings.ClientId ?? ""), new("client_secret", settings.ClientSecret ?? ""), new("code", code), new("redirect_uri", redirectUri)],
            cancellationToken);
    }

    /// <summary>Posts to an interaction's or command's response_url (no token: the URL is the credential).</summary>
    public async Task<SlackApiResult> RespondAsync(Uri responseUrl, SlackMessage message, bool replaceOriginal, CancellationToken cancellationToken)
    {
        var body = MessageBody(message);
        body["response_type"] = "ephemeral";
        body["replace_original"] = replaceOriginal;
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = JsonContent.Create(body) };
        // response_url answers a plain "ok" rather than JSON.
        return await SendAsync(request, expectJson: false, cancellationToken);
    }

    public static JsonObject MessageBody(SlackMessage message)
    {
        var body = new JsonObject { ["text"] = message.Text };
        if (message.Blocks is not null)
        {
            body["blocks"] = message.Blocks.DeepClone();
        }
        return body;
    }

    private Task<SlackApiResult> CallJsonAsync(string method, string token, JsonObject body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ApiBaseUrl, method)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return SendDisposingAsync(request, cancellationToken);
    }

    private Task<SlackApiResult> CallFormAsync(string method, string? token, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ApiBaseUrl, method)) { Content = new FormUrlEncodedContent(form) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return SendDisposingAsync(request, cancellationToken);
    }

    private async Task<SlackApiResult> SendDisposingAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await SendAsync(request, expectJson: true, cancellationToken);
        }
    }

    private async Task<SlackApiResult> SendAsync(HttpRequestMessage request, bool expectJson, CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(ClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return SlackApiResult.Failed($"connection_failed ({ex.Message})", transient: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SlackApiResult.Failed("request_timeout", transient: true);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var after = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(30);
                return SlackApiResult.Failed("ratelimited", transient: true, after);
            }
            if ((int)response.StatusCode >= 500)
            {
                return SlackApiResult.Failed($"http_{(int)response.StatusCode}", transient: true);
            }
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!expectJson)
            {
                return response.IsSuccessStatusCode ? new SlackApiResult(true, null, []) : SlackApiResult.Failed(text.Length > 0 ? text : $"http_{(int)response.StatusCode}", transient: false);
            }
            JsonObject? body;
            try
            {
                body = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                body = null;
            }
            if (body is null)
            {
                return SlackApiResult.Failed($"invalid_response (HTTP {(int)response.StatusCode})", transient: false);
            }
            var ok = body["ok"]?.GetValueKind() == JsonValueKind.True;
            var error = body["error"] is JsonValue e && e.GetValueKind() == JsonValueKind.String ? e.GetValue<string>() : null;
            return new SlackApiResult(ok, ok ? null : error ?? "unknown_error", body);
        }
    }
}
