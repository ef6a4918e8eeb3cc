namespace OperatorOne.Data.Channels;

/// <summary>Where an organization is reachable: a Teams tenant, a Slack workspace, a Twilio number, a web chat site.</summary>
public sealed class ChannelInstallation
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Channel { get; set; }
    public required string ExternalId { get; set; }
    public string DisplayName { get; set; } = "";

    /// <summary>A secret the channel needs (bot token, site secret), AES-GCM encrypted; never stored in clear.</summary>
    public byte[]? SecretCipher { get; set; }

    /// <summary>SHA-256 of a secret presented to us (web chat site secret), for constant-time comparison.</summary>
    public byte[]? SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the channel told us the app was removed or its token revoked: unusable until installed again.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>
    /// When the organization proved it controls this id (OAuth install, auth.test, a signed activity of the tenant, the
    /// Twilio account's own number). Null: pending; a pending installation routes nothing and may be claimed by several
    /// organizations, of which only the one that proves it gets the id.
    /// </summary>
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>How ownership was proven (<see cref="InstallationProofs"/>).</summary>
    public string? Proof { get; set; }

    /// <summary>While pending: SHA-256 of the one-time code to send from the channel itself (a Teams tenant), if any.</summary>
    public byte[]? ChallengeHash { get; set; }

    /// <summary>While pending: what is still needed, or why the last attempt did not prove ownership.</summary>
    public string? PendingReason { get; set; }
}
