using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.AdminApi;

/// <summary>
/// Reads "Authorization: Bearer op1_…" (or X-Api-Key), finds the key through the one cross-tenant lookup, checks the
/// hash, then enters the key's organization: the caller is the key's member, with the lower of key and member role.
/// </summary>
internal sealed class AdminAuthentication(OperatorOneDb db, TimeProvider clock)
{
    public static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        var apiKey = request.Headers["X-Api-Key"].ToString();
        return apiKey.Length > 0 ? apiKey.Trim() : null;
    }

    public async Task<AdminCaller?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (ApiKeySecrets.TryReadId(presented) is not { } keyId)
        {
            return null;
        }
        var rows = await db.Database.SqlQuery<KeyRow>($"""
            SELECT organization_id AS "OrganizationId", member_id AS "MemberId", role AS "Role",
                   secret_hash AS "SecretHash", revoked_at AS "RevokedAt"
            FROM op_find_api_key({keyId})
            """).ToListAsync(cancellationToken);
        if (rows is not [var key] || key.RevokedAt is not null || !SecretBox.Matches(presented, key.SecretHash)
            || !Enum.TryParse<MemberRole>(key.Role, out var keyRole))
        {
            return null;
        }
        await db.UseOrganizationAsync(key.OrganizationId, cancellationToken);
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == key.MemberId, cancellationToken);
        if (member is not { IsActive: true })
        {
            return null;
        }
        // The key acts as its member: member-scoped policies (document visibility) see what that member may.
        await db.UseMemberAsync(member.Id, cancellationToken);
        var now = clock.GetUtcNow();
        await db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        var role = keyRole < member.Role ? keyRole : member.Role;
        return new AdminCaller(key.OrganizationId, member.Id, member.DisplayName, role, $"api_key:{keyId:N}");
    }

    private sealed record KeyRow(Guid OrganizationId, Guid MemberId, string Role, byte[] SecretHash, DateTimeOffset? RevokedAt);
}
