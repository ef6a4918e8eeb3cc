using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Teams;

namespace OperatorOne.Tests.Scripts;

/// <summary>
/// The Teams side of a script: each person installs the app, writes through activities signed as the Bot Connector
/// signs them, and reads what the bot sent to the connector stand-in — or, for a card click, the refreshed card
/// Teams shows the clicker from the invoke's own response.
/// </summary>
public sealed class TeamsChatScript(TeamsBotHost host, TeamsTenant tenant) : IChatScript
{
    public BotHost Host => host.Bot;
    public Guid OrganizationId => tenant.Organization.Id;

    public async Task<IChatParticipant> JoinAsync(string handle)
    {
        var user = new TeamsUser(host, tenant, handle);
        // Installing the app is how a Teams user starts; the welcome is their first message from the bot.
        Assert.Equal(HttpStatusCode.OK, (await user.Post(user.Payload("conversation-update-bot-added"))).StatusCode);
        await user.ExpectReply("Hi ");
        return new Participant(user);
    }

    private sealed class Participant(TeamsUser user) : IChatParticipant
    {
        private JsonObject? _card;
        private string? _refreshedCard;

        public Task SendAsync(string text) => user.Send(text);

        public async Task ExpectReplyAsync(string fragment)
        {
            if (_refreshedCard?.Contains(fragment, StringComparison.OrdinalIgnoreCase) == true)
            {
                _refreshedCard = null;
                return;
            }
            await user.ExpectReply(fragment);
        }

        public async Task ExpectApprovalCardAsync() => _card = (await user.ExpectCard("Action.Execute")).Card!;

        public async Task ApproveAsync()
        {
            var approvalId = (_card ?? throw new InvalidOperationException("No approval card yet."))["actions"]![0]!["data"]!["approvalId"]!.GetValue<string>();
            using var response = await user.Post(user.Payload("invoke-adaptive-card-action", new Dictionary<string, string>
            {
                ["approvalId"] = approvalId, ["verb"] = "approve", ["replyToId"] = "msg-1",
            }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
            _refreshedCard = body["value"]?.ToJsonString();
        }

        public void Dispose() => user.Dispose();
    }
}
