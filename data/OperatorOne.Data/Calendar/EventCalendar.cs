namespace OperatorOne.Data.Calendar;

/// <summary>A calendar: a member's own (<see cref="OwnerId"/> set) or a team's, whose members are in <see cref="CalendarMember"/>.</summary>
public sealed class EventCalendar
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public CalendarKind Kind { get; set; }
    public required string Name { get; set; }
    public Guid? OwnerId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
