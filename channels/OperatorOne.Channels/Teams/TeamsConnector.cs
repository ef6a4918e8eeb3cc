using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// The Bot Connector REST API under a conversation's serviceUrl: send, reply, update. Every outcome is a
/// <see cref="DeliveryResult"/> so the outbox knows whether to retry, wait, or give the conversation up.
/// </summary>
internal sealed class TeamsConnector(HttpClient http, TeamsConnectorToken token, TeamsChannelMode channel)
{
    /// <summary>Posts to a conversation; a live approval card refreshes for <paramref name="refreshFor"/> (the approver's Teams id).</summary>
    public Task<DeliveryResult> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken,
        IReadOnlyList<string>? refreshFor = null) =>
        CallAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, cancellationToken, refreshFor);

    public Task<DeliveryResult> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}",
            activity with { ReplyToId = replyToId }, cancellationToken);

    public Task<DeliveryResult> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}",
            activity with { Id = activityId }, cancellationToken);

    /// <summary>
    /// Opens (or finds: Teams answers with the existing one) the 1:1 conversation with a user of the tenant, in the
    /// Teams shape of ConversationParameters; a delivered result carries the conversation id.
    /// </summary>
    public Task<DeliveryResult> CreateConversationAsync(string serviceUrl, ChannelAccount bot, string userId, string tenantId, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = bot.Id, ["name"] = bot.Name },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["tenantId"] = tenantId,
            ["isGroup"] = false,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
        return CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters.ToJsonString(), null, cancellationToken);
    }

    /// <summary>
    /// One member of a conversation's roster (GET v3/conversations/{id}/members/{userId}): Teams answers with their
    /// email and userPrincipalName. Null when the connector cannot be reached or does not know them.
    /// </summary>
    public async Task<JsonObject?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(serviceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http")
            || (channel.Mode == TeamsMode.LocalTest && !TeamsOptions.IsLoopback(baseUri)))
        {
            return null;
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, $"v3/conversations/{Escape(conversationId)}/members/{Escape(userId)}"));
        try
        {
            if (channel.Mode == TeamsMode.Authenticated)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync(cancellationToken));
            }
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? TryParse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or Microsoft.Identity.Client.MsalException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    private Task<DeliveryResult> CallAsync(HttpMethod method, string serviceUrl, string path, Activity activity, CancellationToken cancellationToken,
        IReadOnlyList<string>? refreshFor = null) =>
        CallAsync(method, serviceUrl, path, BotJson.Serialize(TeamsCards.Render(activity, refreshFor)), activity.Id, cancellationToken);

    private async Task<DeliveryResult> CallAsync(HttpMethod method, string serviceUrl, string path, string body, string? fallbackId,
        CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(serviceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
        {
            return new DeliveryResult.Undeliverable($"'{serviceUrl}' is not a service URL.", StaleConversation: true);
        }
        if (channel.Mode == TeamsMode.LocalTest && !TeamsOptions.IsLoopback(baseUri))
        {
            // Without an app id nothing was verified, so nothing may leave this machine.
            return new DeliveryResult.Undeliverable("Local-test mode replies only to loopback service URLs.", StaleConversation: false);
        }
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        try
        {
            if (channel.Mode == TeamsMode.Authenticated)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync(cancellationToken));
            }
            using var response = await http.SendAsync(request, cancellationToken);
            return await ReadAsync(response, fallbackId, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryResult.RetryLater($"Bot Connector unreachable: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult.RetryLater("Bot Connector timed out.");
        }
        catch (Microsoft.Identity.Client.MsalServiceException ex) when (ex.StatusCode is 429 or >= 500)
        {
            return new DeliveryResult.RetryLater($"Token endpoint: {ex.ErrorCode}");
        }
        catch (Microsoft.Identity.Client.MsalException ex)
        {
            return new DeliveryResult.Undeliverable($"No Bot Connector token: {ex.ErrorCode}", StaleConversation: false);
        }
    }

    private static async Task<DeliveryResult> ReadAsync(HttpResponseMessage response, string? fallbackId, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var id = TryParse(body) is JsonObject sentBody && sentBody["id"] is JsonValue value && value.TryGetValue<string>(out var sent) ? sent : fallbackId ?? "";
            return new DeliveryResult.Delivered(id);
        }
        var reason = $"{status} {ErrorCode(body) ?? response.ReasonPhrase}";
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestTimeout
                => new DeliveryResult.RetryLater(reason, RetryAfter(response)),
            _ when status >= 500 => new DeliveryResult.RetryLater(reason, RetryAfter(response)),
            // Blocked, uninstalled or unknown conversation: stop using this reference until the user writes again.
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound => new DeliveryResult.Undeliverable(reason, StaleConversation: true),
            _ => new DeliveryResult.Undeliverable(reason, StaleConversation: false),
        };
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static string? ErrorCode(string body) =>
        TryParse(body) is JsonObject error && error["error"] is JsonObject detail && detail["code"] is JsonValue value && value.TryGetValue<string>(out var code) ? code : null;

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Teams ids hold ':', ';', '@' and '='; unescaped they break the path.</summary>
    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
