namespace OperatorOne.Channels.Teams;

/// <summary>The "Teams" configuration section: the Azure Bot registration and where its tokens come from.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The bot's Microsoft App (client) id; inbound tokens must carry it as audience. Empty: the channel is off.</summary>
    public string? AppId { get; set; }

    public string? AppPassword { get; set; }

    /// <summary>The bot's own tenant for a single-tenant registration; empty for a multi-tenant one.</summary>
    public string? TenantId { get; set; }

    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string Issuer { get; set; } = "https://api.botframework.com";

    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>The Entra ID host that issues the bot's outbound tokens; the tenant (or botframework.com) is appended.</summary>
    public string TokenAuthority { get; set; } = "https://login.microsoftonline.com";

    /// <summary>
    /// How long a message turn may run before Teams gets its 200 and a typing indicator, the answer following through
    /// the outbox. Teams resends after about 15 seconds, so this stays well below.
    /// </summary>
    public TimeSpan TurnBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Single-tenant bots get tokens from their own tenant; multi-tenant ones from botframework.com.</summary>
    public string Authority =>
        $"{TokenAuthority.TrimEnd('/')}/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId.Trim())}";

    internal static IEnumerable<string> Problems(TeamsOptions options)
    {
        var hasId = !string.IsNullOrWhiteSpace(options.AppId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.AppPassword);
        if (hasId && !hasPassword)
        {
            yield return "Teams:AppPassword is required when Teams:AppId is set (the client secret of the Azure Bot registration).";
        }
        if (hasPassword && !hasId)
        {
            yield return "Teams:AppId is required when Teams:AppPassword is set.";
        }
        if (hasId && !Guid.TryParse(options.AppId, out _))
        {
            yield return "Teams:AppId must be the bot's Microsoft App ID, a GUID.";
        }
        if (!string.IsNullOrWhiteSpace(options.TenantId) && !Guid.TryParse(options.TenantId, out _))
        {
            yield return "Teams:TenantId must be a tenant GUID, or empty for a multi-tenant bot.";
        }
        foreach (var (name, value) in new[]
        {
            ("Teams:OpenIdMetadataUrl", options.OpenIdMetadataUrl),
            ("Teams:TokenAuthority", options.TokenAuthority),
        })
        {
            if (!IsSecureUrl(value))
            {
                yield return $"{name} must be an absolute https URL (http is allowed only for loopback).";
            }
        }
        if (options.TurnBudget <= TimeSpan.Zero || options.TurnBudget > TimeSpan.FromSeconds(14))
        {
            yield return "Teams:TurnBudget must be more than 0 and at most 00:00:14 (Teams resends after about 15 seconds).";
        }
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            yield return "Teams:Issuer must not be empty.";
        }
        if (string.IsNullOrWhiteSpace(options.OAuthScope))
        {
            yield return "Teams:OAuthScope must not be empty.";
        }
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));

    private static bool IsSecureUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));
}

/// <summary>How /api/messages runs: off (404), local-test (Development, loopback, no app id) or with full token validation.</summary>
public enum TeamsMode
{
    Off,
    LocalTest,
    Authenticated,
}

internal static class TeamsModes
{
    public static TeamsMode Resolve(TeamsOptions options, bool isDevelopment) =>
        !string.IsNullOrWhiteSpace(options.AppId) ? TeamsMode.Authenticated
        : isDevelopment ? TeamsMode.LocalTest
        : TeamsMode.Off;
}

/// <summary>The mode this process runs the channel in, decided once at start.</summary>
internal sealed record TeamsChannelMode(TeamsMode Mode);
