using System.ComponentModel.DataAnnotations;

namespace OperatorOne.Skills.Integrations;

/// <summary>The "Integrations" section: what custom tools and webhooks may reach, and how much they may read.</summary>
public sealed class IntegrationsOptions
{
    public const string Section = "Integrations";

    /// <summary>
    /// Hosts and networks that may be called although they are private, loopback or link-local: host names
    /// ("erp.internal"), addresses ("10.0.0.5") or CIDR ranges ("10.0.0.0/24"). Only the operator sets these.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>The most of a custom tool's answer that is read; a larger answer is refused.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    /// <summary>How long a webhook receiver may take to answer before the delivery is retried.</summary>
    [Range(1, 60)]
    public int WebhookTimeoutSeconds { get; set; } = 10;
}
