namespace OperatorOne.Data.Members;

public sealed class Member
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>Lower-case handle used in chat: "assign 12 to mia".</summary>
    public required string Handle { get; set; }
    /// <summary>Set by an admin (the admin API), who vouches for it: notices by email go here, and mail from it counts as this member when its DKIM/DMARC passes.</summary>
    public string? Email { get; set; }

    /// <summary>How this member wants to be notified.</summary>
    public NoticePreference NotifyBy { get; set; } = NoticePreference.Chat;
    public MemberRole Role { get; set; } = MemberRole.Member;
    public bool IsActive { get; set; } = true;

    /// <summary>An IANA id ("Europe/Berlin"); null means the organization's time zone.</summary>
    public string? TimeZone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
