using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OperatorOne.Tests.Slack;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>Slack: a direct message as an Events API callback, signed with the app's signing secret; replies reach the Web API stand-in.</summary>
internal sealed class SlackTurns(IReadOnlyList<BenchmarkMember> members, ServicesStandIn services, string signingSecret) : ITurnChannel
{
    private readonly ConversationRing<BenchmarkMember> _ring = new(members);
    private long _events;

    public string Name => "Slack";

    public bool RepliesFollowTheAnswer => true;

    public static string DirectMessageChannel(BenchmarkMember member) => $"DBENCH{member.SlackUserId}";

    public Task PrepareAsync(HttpClient http, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<bool> SendAsync(HttpClient http, string text, CancellationToken cancellationToken)
    {
        var (member, index) = _ring.Next();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var envelope = new JsonObject
        {
            ["token"] = "deprecated",
            ["team_id"] = member.SlackTeamId,
            ["api_app_id"] = "A0BENCH",
            ["type"] = "event_callback",
            ["event_id"] = $"Ev{Guid.NewGuid():N}",
            ["event_time"] = now,
            ["event"] = new JsonObject
            {
                ["type"] = "message",
                ["channel_type"] = "im",
                ["channel"] = DirectMessageChannel(member),
                ["user"] = member.SlackUserId,
                ["text"] = text,
                ["ts"] = $"{now}.{Interlocked.Increment(ref _events) % 1_000_000:000000}",
                ["client_msg_id"] = Guid.NewGuid().ToString(),
            },
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = member.SlackTeamId, ["user_id"] = "UBOT", ["is_bot"] = true }),
        };
        var body = Encoding.UTF8.GetBytes(envelope.ToJsonString());
        var timestamp = SlackSigner.Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/slack/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSigner.Sign(signingSecret, timestamp, body));
        using var response = await http.SendAsync(request, cancellationToken);
        _ring.Sent(index);
        return response.IsSuccessStatusCode;
    }

    public Task<long> MissingRepliesAsync(HttpClient http, CancellationToken cancellationToken) =>
        Task.FromResult(_ring.Missing((m, _) => services.MessagesIn(DirectMessageChannel(m))));
}
