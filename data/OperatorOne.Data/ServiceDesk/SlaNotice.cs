namespace OperatorOne.Data.ServiceDesk;

/// <summary>
/// The claim that a warning or breach was announced. Unique per (ticket, target, threshold) and inserted in the same
/// transaction as its outbox messages, so replicas scanning at once announce it exactly once.
/// </summary>
public sealed class SlaNotice
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid TicketId { get; set; }

    /// <summary>first_response or resolution.</summary>
    public required string Target { get; set; }

    /// <summary>warning (80 %) or breach (100 %).</summary>
    public required string Threshold { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
