using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.ServiceDesk;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Nlu;

/// <summary>
/// Queue names, lists of people and names nobody here has, in real turns: the organization's names (members, queues,
/// teams) come from PostgreSQL, read per turn.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class GroupAndListConversationTests(BotHost host)
{
    [Fact]
    public async Task ATicketMovedToTheItQueueWaitsThereUnassigned()
    {
        var org = await TestOrganization.CreateAsync(host);
        var queue = await AddQueueAsync(org, "IT");
        using var chat = await Chat.StartAsync(host, org, "member");
        await chat.Send("open a ticket: the badge reader at the back door is dead");
        await chat.ExpectReply("#1");
        await chat.Send("assign 1 to ada");
        await chat.ExpectReply("Ada Admin");

        await chat.Send("move ticket 1 to the IT queue");

        var reply = await chat.ExpectReply("to the IT queue");
        Assert.Contains("It is no longer assigned to anyone.", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var (assignee, queued) = await host.InOrganizationAsync(org.Id, async db =>
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Number == 1);
            return (ticket.AssigneeId, await db.TicketSlas.Where(s => s.TicketId == ticket.Id).Select(s => s.QueueId).SingleAsync());
        });
        Assert.Null(assignee);
        Assert.Equal(queue, queued);
    }

    [Fact]
    public async Task NamesSaidOneAfterAnotherAreInvitedAsAList()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");

        await chat.Send("book a call with ada alan and victor tomorrow at 10am about the roadmap");

        await chat.ExpectReply("with Ada Admin, Alan Admin and Victor Viewer");
        var invited = await host.InOrganizationAsync(org.Id, db => db.EventAttendees.Select(a => a.MemberId).ToListAsync());
        Assert.Superset(new HashSet<Guid> { org.Members["admin"], org.Members["admin2"], org.Members["viewer"] }, invited.ToHashSet());
    }

    [Fact]
    public async Task ALowercaseNameNobodyHasIsSaidBackAndNotSwappedForAKnownOne()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");
        await chat.Send("open a ticket: the projector in room 4 is broken");
        await chat.ExpectReply("#1");

        await chat.Send("hand 1 to pete mia is off today");
        await chat.ExpectReply("I couldn't find a member or a queue called \"pete\".");
        await chat.Send("give ticket 1 to kofi he knows the projectors");
        await chat.ExpectReply("I couldn't find a member or a queue called \"kofi\".");

        Assert.Null(await host.InOrganizationAsync(org.Id, db => db.Tickets.Where(t => t.Number == 1).Select(t => t.AssigneeId).SingleAsync()));
    }

    private async Task<Guid> AddQueueAsync(TestOrganization org, string name)
    {
        var id = Guid.NewGuid();
        await host.InOrganizationAsync(org.Id, db =>
        {
            db.SupportQueues.Add(new SupportQueue { Id = id, OrganizationId = org.Id, Name = name, CreatedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        return id;
    }
}
