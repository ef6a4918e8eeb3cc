using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Tickets;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Conversations;

/// <summary>The ticket commands of the built-in recognizer, through the web chat path (real HTTP, real PostgreSQL).</summary>
[Collection(BotCollection.Name)]
public sealed class TicketConversationTests(BotHost host)
{
    [Fact]
    public async Task AMemberOpensListsShowsAssignsCommentsOnAndClosesATicket()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");

        await chat.Send("open a ticket: printer on floor 2 is jammed");
        await chat.ExpectReply("#1");
        await chat.Send("new ticket about VPN, high priority");
        await chat.ExpectReply("#2");
        await chat.Send("show my tickets");
        await chat.ExpectReply("VPN");
        await chat.Send("what's the status of #2");
        await chat.ExpectReply("high");
        await chat.Send("assign 1 to ada");
        await chat.ExpectReply("Ada Admin");
        await chat.Send("comment on 1: rebooted it");
        await chat.ExpectReply("#1");
        await chat.Send("close ticket 1");
        await chat.ExpectReply("Closed");

        var ticket = await host.InOrganizationAsync(org.Id, db => db.Tickets.Include(t => t.Comments).SingleAsync(t => t.Number == 1));
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(org.Members["admin"], ticket.AssigneeId);
        Assert.Equal("rebooted it", Assert.Single(ticket.Comments).Text);
        var vpn = await host.InOrganizationAsync(org.Id, db => db.Tickets.SingleAsync(t => t.Number == 2));
        Assert.Equal(TicketPriority.High, vpn.Priority);
    }

    [Fact]
    public async Task AMissingTitleIsAskedForAndTheAnswerCompletesTheTicket()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");

        await chat.Send("raise a ticket");
        await chat.ExpectReply("?");
        await chat.Send("the coffee machine leaks");
        await chat.ExpectReply("#1");

        var ticket = await host.InOrganizationAsync(org.Id, db => db.Tickets.SingleAsync());
        Assert.Equal("the coffee machine leaks", ticket.Title, ignoreCase: true);
    }

    [Fact]
    public async Task AViewerIsToldTheyCannotOpenATicketAndNothingIsStored()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "viewer");

        await chat.Send("open a ticket: I should not be able to");
        await chat.ExpectReply("viewer");

        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.Tickets.CountAsync()));
        Assert.Equal("denied", await host.InOrganizationAsync(org.Id, db => db.AuditEvents.Where(e => e.Tool == "create_ticket").Select(e => e.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task HelpListsOnlyWhatTheCallersRoleMayDo()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var viewer = await Chat.StartAsync(host, org, "viewer");
        using var member = await Chat.StartAsync(host, org, "member");

        await viewer.Send("help");
        var viewerHelp = await viewer.ExpectReply("viewer");
        await member.Send("help");
        var memberHelp = await member.ExpectReply("member");

        Assert.DoesNotContain("delete ticket", viewerHelp["text"]!.GetValue<string>());
        Assert.Contains("delete ticket", memberHelp["text"]!.GetValue<string>());
        Assert.Contains("needs approval", memberHelp["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnInvalidStatusChangeIsRefusedWithAReason()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");
        await chat.Send("open a ticket: flaky wifi");
        await chat.ExpectReply("#1");
        await chat.Send("close ticket 1");
        await chat.ExpectReply("Closed");

        await chat.Send("set 1 to pending");
        await chat.ExpectReply("can't");

        Assert.Equal(TicketStatus.Closed, await host.InOrganizationAsync(org.Id, db => db.Tickets.Select(t => t.Status).SingleAsync()));
    }
}
