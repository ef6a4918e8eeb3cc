namespace OperatorOne.Data.Integrations;

/// <summary>A URL an organization wants told about events (ticket created, approval decided …), signed with its own secret.</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>Per organization, for people to say ("webhook 2").</summary>
    public int Number { get; set; }
    public required string Url { get; set; }

    /// <summary>Event type names (ticket.created …) this URL receives.</summary>
    public List<string> Events { get; set; } = [];
    public string Description { get; set; } = "";

    /// <summary>The HMAC-SHA256 key deliveries are signed with, AES-GCM encrypted; shown once when made or rotated.</summary>
    public required byte[] SigningSecretCipher { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Why deliveries stopped (the receiver answered 410 Gone), until an admin resumes it.</summary>
    public string? StoppedReason { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
