namespace OperatorOne.Data.Voice;

/// <summary>A member's voice PIN for risky actions by phone, kept only as a salted PBKDF2 hash.</summary>
public sealed class VoicePin
{
    public Guid MemberId { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>"pbkdf2-sha256$iterations$salt$hash", salt and hash in Base64.</summary>
    public required string Hash { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
