namespace OperatorOne.Data.Calendar;

/// <summary>A member of a team calendar.</summary>
public sealed class CalendarMember
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid CalendarId { get; set; }
    public Guid MemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
