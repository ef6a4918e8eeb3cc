using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Channels;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Slack;

namespace OperatorOne.Tests.Approvals;

/// <summary>The requester learns a decision wherever they are: in the chat they asked from and on every other channel they use, once each.</summary>
[Collection(SlackCollection.Name)]
public sealed class ApprovalOutcomeEverywhereTests(SlackFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ARequestMadeInTheWebChatIsAnsweredThereAndInTheRequestersSlackDm()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var org = workspace.Organization;
        (await workspace.PostEventAsync(workspace.DmEnvelope("member", "help"))).EnsureSuccessStatusCode();
        await SlackSaysAsync(workspace, "Here's what you can ask me");
        using var mia = await Chat.StartAsync(fixture.Host, org, "member");
        using var ada = await Chat.StartAsync(fixture.Host, org, "admin");
        await mia.Send("open a ticket: old laptop to recycle");
        await mia.ExpectReply("Opened ticket #1", Patience);

        await mia.Send("delete ticket 1");
        await mia.ExpectReply("needs approval", Patience);
        var card = await ada.ExpectCard("Approve", Patience);
        await ada.Submit(ApprovalCard.Data(card, "approve"));

        await mia.ExpectReply("Your request #1 (Delete ticket #1", Patience);
        await SlackSaysAsync(workspace, "Your request #1 (Delete ticket #1");
        // The activity is jsonb, which LIKE does not take: filtered here.
        var rows = await fixture.Host.InOrganizationAsync(org.Id, db => db.OutboxMessages.AsNoTracking().Select(m => new { m.Channel, m.Activity }).ToListAsync());
        var channels = rows.Where(m => m.Activity.Contains("Your request #1 (", StringComparison.Ordinal)).Select(m => m.Channel).ToList();
        Assert.Equal([ChannelNames.Slack, ChannelNames.WebChat], channels.Order(StringComparer.Ordinal));
    }

    private Task<List<SlackCall>> SlackSaysAsync(SlackWorkspace workspace, string text) =>
        fixture.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("member")
            && (c.Arguments["text"]?.ToString() ?? "").Contains(text, StringComparison.Ordinal), timeout: Patience);
}
