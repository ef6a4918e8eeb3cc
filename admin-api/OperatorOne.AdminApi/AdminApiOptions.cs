using System.ComponentModel.DataAnnotations;

namespace OperatorOne.AdminApi;

/// <summary>Settings under AdminApi.</summary>
internal sealed class AdminApiOptions
{
    /// <summary>Requests one key (or one unauthenticated client address) may make per minute.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 300;
}
