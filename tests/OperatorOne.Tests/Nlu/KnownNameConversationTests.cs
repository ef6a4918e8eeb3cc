using Microsoft.EntityFrameworkCore;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Nlu;

/// <summary>In a real turn the names come from the organization's members in PostgreSQL, read per turn.</summary>
[Collection(BotCollection.Name)]
public sealed class KnownNameConversationTests(BotHost host)
{
    [Fact]
    public async Task AMembersLowercaseNameIsCutFromTheWordsAroundItInATurn()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");
        await chat.Send("open a ticket: printer on floor 2 is jammed");
        await chat.ExpectReply("#1");

        await chat.Send("assign 1 to ada she knows the printers");

        await chat.ExpectReply("Ada Admin");
        var ticket = await host.InOrganizationAsync(org.Id, db => db.Tickets.SingleAsync(t => t.Number == 1));
        Assert.Equal(org.Members["admin"], ticket.AssigneeId);
    }
}
