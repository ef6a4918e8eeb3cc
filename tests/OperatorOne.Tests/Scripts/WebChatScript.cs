using System.Text.Json.Nodes;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Scripts;

/// <summary>The web chat side of a script: Direct Line through <see cref="Chat"/>.</summary>
public sealed class WebChatScript(BotHost host, TestOrganization organization) : IChatScript
{
    public BotHost Host => host;
    public Guid OrganizationId => organization.Id;

    public async Task<IChatParticipant> JoinAsync(string handle) => new Participant(await Chat.StartAsync(host, organization, handle));

    private sealed class Participant(Chat chat) : IChatParticipant
    {
        private JsonObject? _card;

        public Task SendAsync(string text) => chat.Send(text);

        public Task ExpectReplyAsync(string fragment) => chat.ExpectReply(fragment);

        public async Task ExpectApprovalCardAsync() => _card = await chat.ExpectCard("Approve");

        public Task ApproveAsync() =>
            chat.Submit((_card ?? throw new InvalidOperationException("No approval card yet."))["attachments"]![0]!["content"]!["actions"]![0]!["data"]!.DeepClone().AsObject());

        public void Dispose() => chat.Dispose();
    }
}
