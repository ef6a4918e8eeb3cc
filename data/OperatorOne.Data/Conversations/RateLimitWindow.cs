namespace OperatorOne.Data.Conversations;

/// <summary>A fixed-window counter kept in PostgreSQL so every replica enforces the same limit.</summary>
public sealed class RateLimitWindow
{
    public Guid OrganizationId { get; set; }
    public required string Key { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public int Count { get; set; }
}
