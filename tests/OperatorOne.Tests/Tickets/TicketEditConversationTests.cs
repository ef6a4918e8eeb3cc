using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Tickets;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Tickets;

/// <summary>Changing a ticket after it is opened, finding it by its words, and reading one queue, through the web chat on a real PostgreSQL.</summary>
[Collection(BotCollection.Name)]
public sealed class TicketEditConversationTests(BotHost host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AMemberChangesPriorityTitleAndDescriptionAndTheTicketStoresThem()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var mia = await Chat.StartAsync(host, org, "member");
        await mia.Send("open a ticket: printer is empty");
        await mia.ExpectReply("Opened ticket #1", Patience);

        await mia.Send("set the priority of 1 to urgent");
        await mia.ExpectReply("Ticket #1 (Printer is empty) is now urgent priority (it was normal)", Patience);
        await mia.Send("rename ticket 1 to Printer on floor 3 is out of toner");
        await mia.ExpectReply("renamed it from \"Printer is empty\" to \"Printer on floor 3 is out of toner\"", Patience);
        await mia.Send("change the description of 1 to the spare cartridges are in the supply cupboard");
        await mia.ExpectReply("Ticket #1: updated the description", Patience);
        await mia.Send("lower 1 to low");
        await mia.ExpectReply("is now low priority (it was urgent)", Patience);

        var ticket = await host.InOrganizationAsync(org.Id, db => db.Tickets.AsNoTracking().SingleAsync(t => t.Number == 1));
        Assert.Equal(TicketPriority.Low, ticket.Priority);
        Assert.Equal("Printer on floor 3 is out of toner", ticket.Title);
        Assert.Equal("the spare cartridges are in the supply cupboard", ticket.Description);
    }

    [Fact]
    public async Task SearchFindsTicketsByWordsInTheirTitleOrDescriptionAndNothingElse()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var mia = await Chat.StartAsync(host, org, "member");
        using var victor = await Chat.StartAsync(host, org, "viewer");
        await mia.Send("open a ticket: printer on floor 3 is out of toner");
        await mia.ExpectReply("#1", Patience);
        await mia.Send("open a ticket: VPN drops every hour");
        await mia.ExpectReply("#2", Patience);
        await mia.Send("open a ticket: projector in room 4 flickers");
        await mia.ExpectReply("#3", Patience);
        await mia.Send("change the description of 3 to the cable to the printer looks loose");
        await mia.ExpectReply("updated the description", Patience);

        await victor.Send("search tickets for printers");
        var found = Text(await victor.ExpectReply("2 tickets mention \"printers\"", Patience));
        await victor.Send("any tickets about the vpn");
        var vpn = Text(await victor.ExpectReply("1 ticket mentions", Patience));
        await victor.Send("search tickets for stapler");
        await victor.ExpectReply("No tickets mention \"stapler\"", Patience);

        Assert.Contains("#1 Printer on floor 3 is out of toner", found);
        Assert.Contains("#3 Projector in room 4 flickers", found);
        Assert.DoesNotContain("#2", found);
        Assert.Contains("#2 VPN drops every hour", vpn);
        Assert.DoesNotContain("#1", vpn);
    }

    [Fact]
    public async Task AQueueListsOnlyItsOwnOpenTickets()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var ada = await Chat.StartAsync(host, org, "admin");
        using var mia = await Chat.StartAsync(host, org, "member");
        await ada.Send("create queue IT");
        await ada.ExpectReply("Created the IT queue", Patience);
        await ada.Send("create queue Facilities");
        await ada.ExpectReply("Created the Facilities queue", Patience);
        await ada.Send("add category network for the IT queue with keywords vpn, wifi");
        await ada.ExpectReply("Added category network", Patience);
        await ada.Send("add category building for the Facilities queue with keywords heating, door");
        await ada.ExpectReply("Added category building", Patience);
        await mia.Send("open a ticket: VPN drops every hour");
        await mia.ExpectReply("#1", Patience);
        await mia.Send("open a ticket: heating in room 4 is broken");
        await mia.ExpectReply("#2", Patience);
        await mia.Send("open a ticket: wifi is slow in the canteen");
        await mia.ExpectReply("#3", Patience);

        await mia.Send("show the IT queue");
        var it = Text(await mia.ExpectReply("2 open tickets in the IT queue", Patience));
        await mia.Send("what's in the facilities queue");
        var facilities = Text(await mia.ExpectReply("1 open ticket in the Facilities queue", Patience));
        await ada.Send("resolve ticket 2");
        await ada.ExpectReply("Ticket #2 is now resolved", Patience);
        await mia.Send("show the facilities queue");
        await mia.ExpectReply("The Facilities queue has no open tickets", Patience);
        await mia.Send("show the sales queue");
        await mia.ExpectReply("I couldn't find a queue called", Patience);

        Assert.Contains("#1 VPN drops every hour", it);
        Assert.Contains("#3 Wifi is slow in the canteen", it);
        Assert.DoesNotContain("#2", it);
        Assert.Contains("#2 Heating in room 4 is broken", facilities);
        Assert.DoesNotContain("#1", facilities);
    }

    [Fact]
    public async Task DeletingATicketThatDoesNotExistIsAnsweredAndAsksNoApprover()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var mia = await Chat.StartAsync(host, org, "member");

        await mia.Send("delete ticket 999");
        await mia.ExpectReply("I couldn't find ticket #999", Patience);

        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.CountAsync()));
    }

    private static string Text(System.Text.Json.Nodes.JsonObject activity) => activity["text"]?.GetValue<string>() ?? "";
}
