namespace OperatorOne.Data.ServiceDesk;

/// <summary>A ticket's SLA clock: its queue, when each target is due (and 80 % of it), and the business time spent paused.</summary>
public sealed class TicketSla
{
    public Guid TicketId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? QueueId { get; set; }
    public DateTimeOffset? FirstResponseWarnAt { get; set; }
    public DateTimeOffset? FirstResponseDueAt { get; set; }
    public DateTimeOffset? FirstRespondedAt { get; set; }
    public DateTimeOffset? ResolutionWarnAt { get; set; }
    public DateTimeOffset? ResolutionDueAt { get; set; }

    /// <summary>Set while the ticket is Pending: the clock stops until it leaves Pending.</summary>
    public DateTimeOffset? PausedSince { get; set; }
    public TimeSpan PausedTime { get; set; }
}
