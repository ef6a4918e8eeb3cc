using System.Text.Json.Nodes;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Slack;

namespace OperatorOne.Tests.Scripts;

/// <summary>
/// The Slack side of a script: each person DMs the bot through signed Events API requests and reads what the bot
/// posted to their DM (chat.postMessage) or to their clicks' response_url, as the Web API stand-in recorded it.
/// </summary>
public sealed class SlackChatScript(SlackFixture fixture, SlackWorkspace workspace) : IChatScript
{
    public BotHost Host => fixture.Host;
    public Guid OrganizationId => workspace.Organization.Id;

    public Task<IChatParticipant> JoinAsync(string handle) => Task.FromResult<IChatParticipant>(new Participant(fixture.Slack, workspace, handle));

    private sealed class Participant(SlackStandIn slack, SlackWorkspace workspace, string handle) : IChatParticipant
    {
        private readonly string _hook = $"{handle}-{Guid.NewGuid():N}";
        private readonly HashSet<SlackCall> _consumed = [];
        private SlackCall? _card;

        public async Task SendAsync(string text) => (await workspace.PostEventAsync(workspace.DmEnvelope(handle, text))).EnsureSuccessStatusCode();

        public async Task ExpectReplyAsync(string fragment) =>
            await NextAsync(c => Says(c, fragment), $"a reply containing \"{fragment}\"");

        public async Task ExpectApprovalCardAsync() =>
            _card = await NextAsync(c => c.Arguments["blocks"] is JsonArray blocks && blocks.ToJsonString().Contains("Approve", StringComparison.Ordinal),
                "an approval card");

        public async Task ApproveAsync()
        {
            var approve = (_card ?? throw new InvalidOperationException("No approval card yet.")).Arguments["blocks"]!.AsArray().OfType<JsonObject>()
                .Single(b => b["type"]!.GetValue<string>() == "actions")["elements"]![0]!["value"]!.GetValue<string>();
            (await workspace.PostClickAsync(handle, workspace.DmChannel(handle), workspace.NextTs(), approve, slack.ResponseUrl(_hook))).EnsureSuccessStatusCode();
        }

        private bool IsMine(SlackCall call) =>
            (call.Method == "chat.postMessage" && call.Arguments["channel"]?.ToString() == workspace.DmChannel(handle))
            || (call.Method == "response_url" && call.Arguments["hook"]?.ToString() == _hook);

        private static bool Says(SlackCall call, string fragment) =>
            (call.Arguments["text"]?.ToString() ?? "").Contains(fragment, StringComparison.OrdinalIgnoreCase)
            || (call.Arguments["blocks"]?.ToJsonString() ?? "").Contains(fragment, StringComparison.OrdinalIgnoreCase);

        /// <summary>The first message to this person not matched before, like a chat transcript read in order.</summary>
        private async Task<SlackCall> NextAsync(Func<SlackCall, bool> match, string what)
        {
            var found = (await slack.WaitForAsync(c => IsMine(c) && !_consumed.Contains(c) && match(c), timeout: TimeSpan.FromSeconds(30))).First();
            _consumed.Add(found);
            return found;
        }

        public void Dispose()
        {
        }
    }
}
