namespace OperatorOne.Bot.Core.Webhooks;

/// <summary>The events an organization can subscribe a URL to, each by the one name it has on the wire.</summary>
public static class WebhookEvents
{
    public const string TicketCreated = "ticket.created";
    public const string TicketUpdated = "ticket.updated";
    public const string TicketClosed = "ticket.closed";
    public const string ApprovalRequested = "approval.requested";
    public const string ApprovalDecided = "approval.decided";
    public const string LeadMoved = "lead.moved";
    public const string EventBooked = "event.booked";
    public const string DocumentAdded = "document.added";
    public const string SlaBreached = "sla.breached";

    /// <summary>Sent only by "test webhook": it checks a receiver and its signature check.</summary>
    public const string Ping = "ping";

    public static IReadOnlyList<string> All { get; } =
        [TicketCreated, TicketUpdated, TicketClosed, ApprovalRequested, ApprovalDecided, LeadMoved, EventBooked, DocumentAdded, SlaBreached];

    /// <summary>The event a person or client means ("ticket created", "Ticket.Closed", "sla_breached"), or null.</summary>
    public static string? Parse(string? name)
    {
        var key = string.Join('.', (name ?? "").Trim().ToLowerInvariant().Split([' ', '_', '.', '-'], StringSplitOptions.RemoveEmptyEntries));
        return All.Contains(key) || key == Ping ? key : null;
    }
}
