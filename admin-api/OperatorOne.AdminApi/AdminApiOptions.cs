using System.ComponentModel.DataAnnotations;
using OperatorOne.AdminApi.Oidc;

namespace OperatorOne.AdminApi;

/// <summary>Settings under AdminApi.</summary>
internal sealed class AdminApiOptions
{
    public const string Section = "AdminApi";

    /// <summary>Requests one key (or one unauthenticated client address) may make per minute.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>
    /// The operator's key: whoever hosts the bot creates, lists, exports and deletes organizations with it (Bearer or
    /// X-Api-Key). Not a member of any organization; empty: those calls are refused. At least 32 characters.
    /// </summary>
    public string? OperatorKey { get; set; }

    /// <summary>Organizations that also accept bearer tokens from their own identity provider (AdminApi:Oidc:0:…).</summary>
    public List<OidcProvider> Oidc { get; set; } = [];
}
