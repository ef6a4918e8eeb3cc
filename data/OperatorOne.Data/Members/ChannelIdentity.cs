namespace OperatorOne.Data.Members;

/// <summary>Who a member is on one channel: a Teams AAD object id, a Slack user id, a phone number, a web chat user id.</summary>
public sealed class ChannelIdentity
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid MemberId { get; set; }
    public required string Channel { get; set; }
    public required string ExternalId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
