using OperatorOne.Data;
using OperatorOne.Data.ServiceDesk;
using OperatorOne.Data.Tickets;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Bot.Hosting.Demo;

/// <summary>
/// The IT queue (Ada) with a hardware category, and twelve tickets in every state, triaged and on the SLA clock the way
/// the tickets skill opens them. Ticket 12 (an unassigned, normal printer problem) is the one the help examples use.
/// </summary>
internal static class DemoTickets
{
    private static readonly (string Title, string Requester, string? Assignee, TicketStatus Status, TicketPriority Priority, int DaysAgo)[] Tickets =
    [
        ("Printer on floor 2 is jammed", "member", "admin", TicketStatus.Open, TicketPriority.Normal, 3),
        ("VPN drops every hour", "viewer", null, TicketStatus.New, TicketPriority.High, 2),
        ("Old monitor flickers", "member", null, TicketStatus.Pending, TicketPriority.Low, 9),
        ("Laptop battery is swelling", "max", "admin", TicketStatus.Open, TicketPriority.Urgent, 1),
        ("Access to the finance share", "viewer", "admin", TicketStatus.Resolved, TicketPriority.Normal, 6),
        ("Outlook keeps asking for my password", "member", null, TicketStatus.New, TicketPriority.Normal, 1),
        ("Toner is low on the floor 3 printer", "owner", "member", TicketStatus.Closed, TicketPriority.Low, 12),
        ("New starter needs a laptop", "admin", "member", TicketStatus.Open, TicketPriority.Normal, 4),
        ("Wifi is slow in meeting room 2", "max", null, TicketStatus.New, TicketPriority.Normal, 2),
        ("Projector in the board room won't start", "member", null, TicketStatus.New, TicketPriority.Low, 5),
        ("Phone headset is broken", "viewer", "member", TicketStatus.Open, TicketPriority.Normal, 3),
        ("Printer on floor 1 prints blank pages", "viewer", null, TicketStatus.New, TicketPriority.Normal, 0),
    ];

    public static async Task AddAsync(OperatorOneDb db, DemoTenant tenant, DemoPeople people, ITicketLifecycle lifecycle, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var it = new SupportQueue { Id = Guid.NewGuid(), OrganizationId = tenant.OrganizationId, Name = "IT", CreatedAt = now };
        db.SupportQueues.Add(it);
        db.QueueMembers.Add(new QueueMember { Id = Guid.NewGuid(), OrganizationId = tenant.OrganizationId, QueueId = it.Id, MemberId = people["admin"], CreatedAt = now });
        db.TicketCategories.Add(new TicketCategory
        {
            Id = Guid.NewGuid(), OrganizationId = tenant.OrganizationId, Name = "hardware", QueueId = it.Id,
            Keywords = ["printer", "monitor", "laptop", "projector", "headset", "toner"], CreatedAt = now,
        });
        db.PriorityRules.Add(new PriorityRule { Id = Guid.NewGuid(), OrganizationId = tenant.OrganizationId, Keyword = "swelling", Priority = TicketPriority.Urgent, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);

        for (var i = 0; i < Tickets.Length; i++)
        {
            var (title, requester, assignee, status, priority, daysAgo) = Tickets[i];
            var opened = now.AddDays(-daysAgo).AddHours(-i);
            var ticket = new Ticket
            {
                Id = Guid.NewGuid(),
                OrganizationId = tenant.OrganizationId,
                Number = i + 1,
                Title = title,
                Priority = priority,
                RequesterId = people[requester],
                AssigneeId = assignee is null ? null : people[assignee],
                CreatedAt = opened,
                UpdatedAt = opened,
            };
            db.Tickets.Add(ticket);
            await lifecycle.OpenedAsync(db, ticket, TimeZoneInfo.Utc, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            // The SLA clock starts as the ticket is opened, then the ticket moves on to where it stands today.
            var before = ticket.Status;
            ticket.Status = status;
            await lifecycle.StatusChangedAsync(db, ticket, before, opened.AddHours(1), cancellationToken);
            if (assignee is not null)
            {
                db.TicketComments.Add(new TicketComment
                {
                    Id = Guid.NewGuid(), OrganizationId = tenant.OrganizationId, TicketId = ticket.Id, AuthorId = people[assignee],
                    Text = "Looking into it.", CreatedAt = opened.AddHours(1),
                });
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public static int Count => Tickets.Length;
}
