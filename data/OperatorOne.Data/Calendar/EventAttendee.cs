namespace OperatorOne.Data.Calendar;

/// <summary>Who is invited to an event and what they answered; the organizer is an attendee who has accepted.</summary>
public sealed class EventAttendee
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid EventId { get; set; }
    public Guid MemberId { get; set; }
    public RsvpResponse Response { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
}
