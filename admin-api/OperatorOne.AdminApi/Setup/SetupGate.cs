using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;

namespace OperatorOne.AdminApi.Setup;

/// <summary>
/// First boot: while no organization exists, the setup page opens with this process's one-time token (printed in the
/// log, like Jupyter's). Once an organization exists the page is closed for good, on every replica.
/// </summary>
internal sealed class SetupGate
{
    public string Token { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public bool Accepts(string? token) =>
        token is { Length: > 0 and <= 128 }
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), SHA256.HashData(Encoding.UTF8.GetBytes(Token)));

    /// <summary>Whether setup is still possible: no organization at all (the one cross-tenant read periodic jobs use).</summary>
    public static async Task<bool> IsOpenAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        !await db.Database.SqlQuery<Guid>($"SELECT op_organization_ids AS \"Value\" FROM op_organization_ids()").AnyAsync(cancellationToken);
}
