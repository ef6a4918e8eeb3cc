using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data;

namespace OperatorOne.AdminApi.Organizations;

/// <summary>
/// DELETE /organizations/{id} in two steps: without a confirmation it deletes nothing and answers 428 with a
/// confirmation (signed, for this organization, valid ten minutes) and what would go; repeated with
/// ?confirmation=… it deletes every row the organization owns, in one transaction, dependents first.
/// </summary>
internal static class OrganizationDeletion
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromMinutes(10);

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(Guid organizationId, string? confirmation,
        OperatorOneDb db, SecretBox secrets, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (organization is null)
        {
            return TypedResults.NotFound();
        }
        var key = secrets.DeriveKey("organization-deletion");
        var now = clock.GetUtcNow();
        if (string.IsNullOrEmpty(confirmation))
        {
            var expires = now + ConfirmationLifetime;
            var members = await db.Members.CountAsync(cancellationToken);
            return TypedResults.Problem(
                $"Deleting {organization.Name} removes everything it owns ({members} members, their conversations, tickets, documents, "
                + "audit log and channel connections) and cannot be undone; export it first (GET …/export). To go ahead, repeat this "
                + "DELETE with ?confirmation= and the value below within ten minutes.",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "Confirm the deletion",
                extensions: new Dictionary<string, object?> { ["confirmation"] = Issue(key, organizationId, expires), ["expiresAt"] = expires });
        }
        if (!Matches(key, organizationId, confirmation, now))
        {
            return TypedResults.Problem("The confirmation is wrong or has expired; DELETE without one to get a new one.",
                statusCode: StatusCodes.Status400BadRequest);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = 0L;
        foreach (var table in TenantTables.Of(db).Reverse())
        {
            deleted += await db.Database.SqlQuery<long>($"SELECT op_delete_organization_rows({table}) AS \"Value\"")
                .AsAsyncEnumerable().FirstAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        loggers.CreateLogger(typeof(OrganizationDeletion)).LogWarning("Organization {Organization} ({Name}) deleted: {Rows} rows",
            organizationId, organization.Name, deleted);
        return TypedResults.NoContent();
    }

    private static string Issue(byte[] key, Guid organizationId, DateTimeOffset expires)
    {
        var seconds = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{seconds}.{WebEncoders.Base64UrlEncode(Mac(key, organizationId, seconds))}";
    }

    private static bool Matches(byte[] key, Guid organizationId, string confirmation, DateTimeOffset now)
    {
        var parts = confirmation.Split('.');
        if (parts.Length != 2 || parts[0].Length > 12 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires < now.ToUnixTimeSeconds())
        {
            return false;
        }
        try
        {
            return CryptographicOperations.FixedTimeEquals(WebEncoders.Base64UrlDecode(parts[1]), Mac(key, organizationId, parts[0]));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Mac(byte[] key, Guid organizationId, string expires) =>
        HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"delete|{organizationId:N}|{expires}"));
}
