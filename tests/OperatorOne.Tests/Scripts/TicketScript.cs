using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Tests.Scripts;

/// <summary>The ticket conversation, written once and run on every channel: the same words, the same answers, the same outcome.</summary>
public static class TicketScript
{
    public static async Task RunAsync(IChatScript channel)
    {
        using var member = await channel.JoinAsync("member");
        using var admin = await channel.JoinAsync("admin");
        await admin.SendAsync("help");
        await admin.ExpectReplyAsync("delete ticket");

        await member.SendAsync("open a ticket: printer on floor 2 is jammed");
        await member.ExpectReplyAsync("#1");
        await member.SendAsync("new ticket about VPN, high priority");
        await member.ExpectReplyAsync("#2");
        await member.SendAsync("show my tickets");
        await member.ExpectReplyAsync("VPN");
        await member.SendAsync("what's the status of #2");
        await member.ExpectReplyAsync("high");
        await member.SendAsync("assign 1 to ada");
        await member.ExpectReplyAsync("Ada Admin");
        await member.SendAsync("comment on 1: rebooted it");
        await member.ExpectReplyAsync("#1");
        await member.SendAsync("close ticket 1");
        await member.ExpectReplyAsync("Closed");
        await member.SendAsync("delete ticket 2");
        await member.ExpectReplyAsync("approval");
        await admin.ExpectApprovalCardAsync();
        await admin.ApproveAsync();
        await admin.ExpectReplyAsync("Approved");
        await member.ExpectReplyAsync("approved by");

        var tickets = await channel.Host.InOrganizationAsync(channel.OrganizationId, db => db.Tickets.Include(t => t.Comments).ToListAsync());
        var closed = Assert.Single(tickets);
        Assert.Equal(1, closed.Number);
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Equal("rebooted it", Assert.Single(closed.Comments).Text);
    }
}
