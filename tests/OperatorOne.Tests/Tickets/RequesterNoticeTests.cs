using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Channels;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Slack;

namespace OperatorOne.Tests.Tickets;

/// <summary>
/// A requester hears about every status change and public comment on their ticket where they opened it: Mia in her Slack
/// DM, Olivia in the web chat; one notice per change, never on the other channel, and nobody about their own action.
/// </summary>
[Collection(SlackCollection.Name)]
public sealed class RequesterNoticeTests(SlackFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AStatusChangeAndACommentReachEachRequesterOnTheChannelTheyUsedOnce()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var org = workspace.Organization;
        using var olivia = await Chat.StartAsync(fixture.Host, org, "owner");
        using var ada = await Chat.StartAsync(fixture.Host, org, "admin");

        (await workspace.PostEventAsync(workspace.DmEnvelope("member", "open a ticket: printer on floor 2 is jammed"))).EnsureSuccessStatusCode();
        await SlackSaysAsync(workspace, "Opened ticket #1");
        await olivia.Send("open a ticket: VPN drops every hour");
        await olivia.ExpectReply("Opened ticket #2", Patience);

        await ada.Send("resolve ticket 1");
        await ada.ExpectReply("Ticket #1 is now resolved", Patience);
        await SlackSaysAsync(workspace, "Your ticket #1 (");
        await ada.Send("comment on 1: new toner is on its way");
        await ada.ExpectReply("Added your comment to ticket #1", Patience);
        await SlackSaysAsync(workspace, "Ada Admin commented on your ticket #1");

        await ada.Send("resolve ticket 2");
        await ada.ExpectReply("Ticket #2 is now resolved", Patience);
        await olivia.ExpectReply("Your ticket #2 (", Patience);
        await ada.Send("comment on 2: the VPN gateway was restarted");
        await ada.ExpectReply("Added your comment to ticket #2", Patience);
        await olivia.ExpectReply("Ada Admin commented on your ticket #2 (VPN drops every hour): the VPN gateway was restarted", Patience);
        // Her own comment tells nobody else's channel and not her.
        await olivia.Send("comment on 2: thanks, works again");
        await olivia.ExpectReply("Added your comment to ticket #2", Patience);

        Assert.Equal([ChannelNames.Slack], await NoticeChannelsAsync(org, "Your ticket #1 ("));
        Assert.Equal([ChannelNames.Slack], await NoticeChannelsAsync(org, "commented on your ticket #1"));
        Assert.Equal([ChannelNames.WebChat], await NoticeChannelsAsync(org, "Your ticket #2 ("));
        Assert.Equal([ChannelNames.WebChat], await NoticeChannelsAsync(org, "commented on your ticket #2"));
        Assert.Empty(await NoticeChannelsAsync(org, "thanks, works again"));
    }

    /// <summary>The channel of every outbox row whose message contains <paramref name="text"/>: one row per notice.</summary>
    private async Task<List<string>> NoticeChannelsAsync(TestOrganization org, string text)
    {
        // The activity is jsonb, which LIKE does not take: filtered here.
        var rows = await fixture.Host.InOrganizationAsync(org.Id, db => db.OutboxMessages.AsNoTracking().Select(m => new { m.Channel, m.Activity }).ToListAsync());
        return [.. rows.Where(m => m.Activity.Contains(text, StringComparison.Ordinal)).Select(m => m.Channel)];
    }

    private Task<List<SlackCall>> SlackSaysAsync(SlackWorkspace workspace, string text) =>
        fixture.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("member")
            && (c.Arguments["text"]?.ToString() ?? "").Contains(text, StringComparison.Ordinal), timeout: Patience);
}
