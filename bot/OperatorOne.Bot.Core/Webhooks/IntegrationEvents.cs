using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Crm;
using OperatorOne.Data.Documents;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Bot.Core.Webhooks;

/// <summary>
/// The events skills publish, each one line where it happens (here, so no skill imports another to publish), in the same unit of work as the change. The data carries
/// ids and what changed, never a guest's contact details or a private document's title.
/// </summary>
public static class IntegrationEvents
{
    public static Task TicketAsync(OperatorOneDb db, Caller caller, DateTimeOffset now, string type, Ticket ticket, string change, CancellationToken cancellationToken) =>
        WebhookPublisher.PublishAsync(db, ticket.OrganizationId, type, new
        {
            change,
            ticket = new
            {
                ticket.Id, ticket.Number, ticket.Title,
                Status = Word(ticket.Status), Priority = Word(ticket.Priority), ticket.Category,
                ticket.RequesterId, ticket.AssigneeId, ticket.CreatedAt, ticket.UpdatedAt,
            },
            by = caller.MemberId,
        }, now, cancellationToken);

    public static Task LeadMovedAsync(OperatorOneDb db, Caller caller, DateTimeOffset now, Lead lead, LeadStage from, CancellationToken cancellationToken) =>
        WebhookPublisher.PublishAsync(db, lead.OrganizationId, WebhookEvents.LeadMoved, new
        {
            lead = new { lead.Id, lead.Name, lead.CompanyName, Stage = Word(lead.Stage), lead.OwnerId, lead.CompanyId },
            from = Word(from),
            to = Word(lead.Stage),
            by = caller.MemberId,
        }, now, cancellationToken);

    public static Task EventBookedAsync(OperatorOneDb db, DateTimeOffset now, CalendarEvent booked, IEnumerable<Guid> attendees, CancellationToken cancellationToken) =>
        WebhookPublisher.PublishAsync(db, booked.OrganizationId, WebhookEvents.EventBooked, new
        {
            @event = new { booked.Id, booked.Number, booked.Title, Kind = Word(booked.Kind), booked.StartsAt, booked.EndsAt, booked.OrganizerId, booked.CalendarId },
            attendees,
        }, now, cancellationToken);

    public static Task DocumentAddedAsync(OperatorOneDb db, Document document, DateTimeOffset now, CancellationToken cancellationToken) =>
        WebhookPublisher.PublishAsync(db, document.OrganizationId, WebhookEvents.DocumentAdded, new
        {
            document = new
            {
                document.Id,
                Title = document.Visibility == DocumentVisibility.Private ? null : document.Title,
                Visibility = Word(document.Visibility), document.ContentType, document.SizeBytes, document.OwnerId, document.TeamId,
            },
        }, now, cancellationToken);

    public static Task SlaBreachedAsync(OperatorOneDb db, Guid organizationId, Guid ticketId, int number, string title, string target, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        WebhookPublisher.PublishAsync(db, organizationId, WebhookEvents.SlaBreached, new
        {
            ticket = new { Id = ticketId, Number = number, Title = title },
            target,
        }, now, cancellationToken);

    private static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
