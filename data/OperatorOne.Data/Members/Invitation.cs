namespace OperatorOne.Data.Members;

/// <summary>
/// An invitation to a member created for it: a signed link lets the person claim the member in the web chat, once,
/// before it expires. Rows whose <see cref="EmailedAt"/> is null are the ones an email sender has not sent yet.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid MemberId { get; set; }
    public required string Email { get; set; }
    public Guid? InvitedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? EmailedAt { get; set; }
}
