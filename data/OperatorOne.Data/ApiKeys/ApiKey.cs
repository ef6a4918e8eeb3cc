using OperatorOne.Data.Members;

namespace OperatorOne.Data.ApiKeys;

/// <summary>An admin API key: acts as one member, with at most that member's role. Only the secret's hash is kept.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid MemberId { get; set; }
    public required string Name { get; set; }
    public MemberRole Role { get; set; }

    /// <summary>SHA-256 of the whole presented key (op1_&lt;id&gt;_&lt;secret&gt;).</summary>
    public required byte[] SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
