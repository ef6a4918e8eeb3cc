using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OperatorOne.Tests.Teams;

/// <summary>
/// One person talking to the bot in Teams, as the Bot Connector delivers it: recorded payload shapes, signed by the
/// local issuer. <c>await teams.Send("help"); await teams.ExpectReply("what you can ask");</c>
/// </summary>
public sealed class TeamsUser : IDisposable
{
    private readonly TeamsBotHost _host;
    private readonly TeamsTenant _tenant;
    private readonly HttpClient _http;
    private int _consumed;

    public TeamsUser(TeamsBotHost host, TeamsTenant tenant, string handle, string? conversationId = null)
    {
        _host = host;
        _tenant = tenant;
        Handle = handle;
        _http = host.Bot.CreateClient();
        ConversationId = conversationId ?? $"a:1{Guid.NewGuid():N}";
    }

    public string Handle { get; }
    public string ConversationId { get; }
    public string UserId => $"29:1{_tenant.AadObjectIds[Handle][..8]}";
    public string EscapedConversation => Uri.EscapeDataString(ConversationId);

    public static string NewActivityId() => Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public JsonObject Payload(string name, IDictionary<string, string>? values = null)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "Payloads", name + ".json"));
        var all = new Dictionary<string, string>
        {
            ["activityId"] = NewActivityId(),
            ["serviceUrl"] = _host.Cloud.ServiceUrl,
            ["userId"] = UserId,
            ["userName"] = Handle,
            ["aadObjectId"] = _tenant.AadObjectIds[Handle],
            ["appId"] = TeamsBotHost.AppId,
            ["conversationId"] = ConversationId,
            ["tenantId"] = _tenant.TenantId,
            ["text"] = "",
        };
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }
        foreach (var (key, value) in all)
        {
            text = text.Replace("{{" + key + "}}", System.Text.Json.JsonEncodedText.Encode(value).ToString(), StringComparison.Ordinal);
        }
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Posts an activity signed the way the Bot Connector signs it, unless a forged token is given.</summary>
    public async Task<HttpResponseMessage> Post(JsonObject activity, string? token = null, bool authorize = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorize)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                token ?? _host.Cloud.Token(TeamsBotHost.AppId, activity["serviceUrl"]!.GetValue<string>()));
        }
        return await _http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> Send(string text, string? activityId = null)
    {
        var values = new Dictionary<string, string> { ["text"] = text };
        if (activityId is not null)
        {
            values["activityId"] = activityId;
        }
        var response = await Post(Payload("message-personal", values));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>Waits for the bot's next REST call into this conversation whose text contains <paramref name="fragment"/>.</summary>
    public async Task<ConnectorCall> ExpectReply(string fragment) => await Expect(
        c => c.Text.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"a message containing \"{fragment}\"");

    public async Task<ConnectorCall> ExpectCard(string fragment) => await Expect(
        c => c.Card?.ToJsonString().Contains(fragment, StringComparison.OrdinalIgnoreCase) == true, $"a card containing \"{fragment}\"");

    public IReadOnlyList<ConnectorCall> Calls => _host.Cloud.Calls.Where(c => c.Path.Contains(EscapedConversation, StringComparison.Ordinal)).ToList();

    public async Task<ConnectorCall> Expect(Func<ConnectorCall, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var calls = Calls;
            for (var i = _consumed; i < calls.Count; i++)
            {
                if (match(calls[i]))
                {
                    _consumed = i + 1;
                    return calls[i];
                }
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"Expected {what} in {ConversationId}; saw: {string.Join(" | ", Calls.Skip(_consumed).Select(c => $"{c.Method} {c.Path} {c.Text}"))}");
    }

    public void Dispose() => _http.Dispose();
}
