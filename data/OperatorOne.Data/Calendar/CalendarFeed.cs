namespace OperatorOne.Data.Calendar;

/// <summary>
/// A member's calendar subscription link (Outlook, Google). The link carries this id signed with a key derived from
/// the bot's secret key, so nothing secret is stored; revoking it makes the link answer 410 Gone.
/// </summary>
public sealed class CalendarFeed
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid MemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
