namespace OperatorOne.Data.Members;

public sealed class Member
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>Lower-case handle used in chat: "assign 12 to mia".</summary>
    public required string Handle { get; set; }
    public string? Email { get; set; }
    public MemberRole Role { get; set; } = MemberRole.Member;
    public bool IsActive { get; set; } = true;

    /// <summary>An IANA id ("Europe/Berlin"); null means the organization's time zone.</summary>
    public string? TimeZone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
