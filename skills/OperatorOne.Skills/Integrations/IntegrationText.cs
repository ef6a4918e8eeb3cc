using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Skills.Integrations;

/// <summary>How integrations are named in replies.</summary>
internal static class IntegrationText
{
    public static string Tier(string tier) => Enum.TryParse<ToolTier>(tier, out var parsed) ? Tier(parsed) : tier;

    public static string Tier(ToolTier tier) => tier switch
    {
        ToolTier.ReadOnly => "read-only",
        ToolTier.SafeWrite => "safe write",
        ToolTier.RiskyWrite => "risky (needs approval)",
        _ => "admin (needs an admin's approval)",
    };

    /// <summary>Only the host of a receiver: its path may hold a token (n8n and Zapier put one there).</summary>
    public static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "?";
}
