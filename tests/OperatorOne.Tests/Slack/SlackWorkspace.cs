using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Slack;

/// <summary>
/// A test organization installed in its own Slack workspace (a unique team id, using the configured bot token),
/// with Slack user ids for its members, and a client that signs requests exactly as Slack does.
/// </summary>
public sealed class SlackWorkspace(SlackFixture fixture, TestOrganization organization, string teamId) : IDisposable
{
    private readonly HttpClient _http = fixture.Host.CreateClient();
    private int _events;

    public TestOrganization Organization => organization;
    public string TeamId => teamId;

    public string UserId(string handle) => $"U{handle.ToUpperInvariant()}{teamId[1..]}";
    public string DmChannel(string handle) => $"D{handle.ToUpperInvariant()}{teamId[1..]}";

    /// <summary>A new organization with a Slack installation; members are linked unless <paramref name="linkMembers"/> is false.</summary>
    public static async Task<SlackWorkspace> CreateAsync(SlackFixture fixture, bool linkMembers = true)
    {
        var organization = await TestOrganization.CreateAsync(fixture.Host);
        var teamId = $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var workspace = new SlackWorkspace(fixture, organization, teamId);
        await fixture.Host.InOrganizationAsync(organization.Id, db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.ChannelInstallations.Add(new ChannelInstallation
            {
                Id = Guid.NewGuid(), OrganizationId = organization.Id, Channel = "slack", ExternalId = teamId, CreatedAt = now, VerifiedAt = now,
            });
            if (linkMembers)
            {
                foreach (var (handle, memberId) in organization.Members)
                {
                    db.ChannelIdentities.Add(new ChannelIdentity
                    {
                        Id = Guid.NewGuid(), OrganizationId = organization.Id, MemberId = memberId, Channel = "slack",
                        ExternalId = workspace.UserId(handle), CreatedAt = now,
                    });
                }
            }
            return db.SaveChangesAsync();
        });
        return workspace;
    }

    public JsonObject DmEnvelope(string handle, string text, string? eventId = null) => Envelope(new JsonObject
    {
        ["type"] = "message",
        ["channel_type"] = "im",
        ["channel"] = DmChannel(handle),
        ["user"] = UserId(handle),
        ["text"] = text,
        ["ts"] = NextTs(),
        ["client_msg_id"] = Guid.NewGuid().ToString(),
    }, eventId);

    /// <summary>A DM with files shared in it (message subtype file_share); <paramref name="text"/> is what was typed with them.</summary>
    public JsonObject FileShareEnvelope(string handle, string text, params JsonObject[] files)
    {
        var envelope = DmEnvelope(handle, text);
        var inner = envelope["event"]!.AsObject();
        inner["subtype"] = "file_share";
        inner["upload"] = true;
        inner["files"] = new JsonArray([.. files]);
        return envelope;
    }

    public JsonObject Envelope(JsonObject inner, string? eventId = null) => new()
    {
        ["token"] = "deprecated",
        ["team_id"] = teamId,
        ["api_app_id"] = "A0TEST",
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? $"Ev{Guid.NewGuid():N}",
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["event"] = inner,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = teamId, ["user_id"] = "UBOT", ["is_bot"] = true }),
    };

    public string NextTs() => $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Interlocked.Increment(ref _events):000000}";

    public Task<HttpResponseMessage> PostEventAsync(JsonObject envelope, int? retry = null) =>
        PostSignedAsync("/api/slack/events", Encoding.UTF8.GetBytes(envelope.ToJsonString()), "application/json",
            retry is null ? null : request => request.Headers.Add("X-Slack-Retry-Num", retry.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public Task<HttpResponseMessage> PostCommandAsync(string handle, string text, string channel, Uri responseUrl) =>
        PostSignedAsync("/api/slack/commands", Form(new()
        {
            ["token"] = "deprecated", ["team_id"] = teamId, ["team_domain"] = "test", ["channel_id"] = channel, ["channel_name"] = "general",
            ["user_id"] = UserId(handle), ["user_name"] = handle, ["command"] = "/op1", ["text"] = text,
            ["response_url"] = responseUrl.ToString(), ["trigger_id"] = $"{Guid.NewGuid():N}", ["api_app_id"] = "A0TEST",
        }), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> PostClickAsync(string handle, string channel, string messageTs, string value, Uri responseUrl) =>
        PostSignedAsync("/api/slack/interactions", Form(new()
        {
            ["payload"] = new JsonObject
            {
                ["type"] = "block_actions",
                ["user"] = new JsonObject { ["id"] = UserId(handle), ["username"] = handle, ["team_id"] = teamId },
                ["team"] = new JsonObject { ["id"] = teamId, ["domain"] = "test" },
                ["api_app_id"] = "A0TEST",
                ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
                ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
                ["trigger_id"] = $"{Guid.NewGuid():N}",
                ["response_url"] = responseUrl.ToString(),
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "button", ["action_id"] = "op1-0", ["block_id"] = "b", ["value"] = value, ["action_ts"] = NextTs(),
                }),
            }.ToJsonString(),
        }), "application/x-www-form-urlencoded");

    public static byte[] Form(Dictionary<string, string> fields) =>
        Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));

    /// <summary>Posts a body signed with the app's signing secret (or as <paramref name="tamper"/> changes the request).</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string path, byte[] body, string contentType, Action<HttpRequestMessage>? tamper = null,
        string? timestamp = null, string? secret = null)
    {
        var ts = timestamp ?? SlackSigner.Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", SlackSigner.Sign(secret ?? SlackFixture.SigningSecret, ts, body));
        tamper?.Invoke(request);
        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
