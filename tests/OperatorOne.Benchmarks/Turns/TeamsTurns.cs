using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>
/// Teams: a personal-chat message activity posted to /api/messages as the Bot Connector posts it. The bot runs in
/// local-test mode (unsigned, loopback only), so replies go to the loopback connector stand-in named as serviceUrl.
/// </summary>
internal sealed class TeamsTurns(IReadOnlyList<BenchmarkMember> members, ServicesStandIn services) : ITurnChannel
{
    private readonly ConversationRing<(BenchmarkMember Member, string ConversationId)> _ring =
        new([.. members.Select(m => (m, $"a:1bench{Guid.NewGuid():N}"))]);

    public string Name => "Teams";

    public bool RepliesFollowTheAnswer => true;

    public Task PrepareAsync(HttpClient http, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<bool> SendAsync(HttpClient http, string text, CancellationToken cancellationToken)
    {
        var ((member, conversationId), index) = _ring.Next();
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["serviceUrl"] = services.TeamsServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = $"29:1{member.AadObjectId[..8]}", ["name"] = member.Handle, ["aadObjectId"] = member.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = "28:benchmark-bot", ["name"] = "OperatorOne" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = member.TenantId },
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "en-US",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = member.TenantId } },
        };
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("api/messages", content, cancellationToken);
        _ring.Sent(index);
        return response.IsSuccessStatusCode;
    }

    public Task<long> MissingRepliesAsync(HttpClient http, CancellationToken cancellationToken) =>
        Task.FromResult(_ring.Missing((c, _) => services.MessagesIn(c.ConversationId)));
}
