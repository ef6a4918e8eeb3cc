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

    /// <summary>Where: a room, an address or a call link.</summary>
    public string? Location { get; set; }

    /// <summary>An agenda or anything attendees should know.</summary>
    public string? Notes { get; set; }

    /// <summary>The occurrences of one recurring event share it; null for a one-off.</summary>
    public Guid? SeriesId { get; set; }

    /// <summary>The series' rule as iCalendar writes it ("FREQ=WEEKLY;COUNT=6"), kept for reading it back.</summary>
    public string? Recurrence { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
