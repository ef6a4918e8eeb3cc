namespace OperatorOne.Data.Calendar;

/// <summary>
/// The claim that an attendee was reminded of an event starting at <see cref="StartsAt"/>. Unique per (event,
/// member, start) and inserted in the same transaction as the outbox message, so replicas remind exactly once.
/// </summary>
public sealed class EventReminder
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid EventId { get; set; }
    public Guid MemberId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
