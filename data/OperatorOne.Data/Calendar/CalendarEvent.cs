namespace OperatorOne.Data.Calendar;

/// <summary>A meeting, campaign, deadline or reminder; numbered per organization ("event 5").</summary>
public sealed class CalendarEvent
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int Number { get; set; }
    public Guid CalendarId { get; set; }
    public required string Title { get; set; }
    public EventKind Kind { get; set; }
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>Equal to <see cref="StartsAt"/> for deadlines and reminders: a moment, not a span.</summary>
    public DateTimeOffset EndsAt { get; set; }
    public Guid OrganizerId { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
