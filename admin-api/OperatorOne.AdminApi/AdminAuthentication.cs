using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OperatorOne.AdminApi.Oidc;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.AdminApi;

/// <summary>
/// Reads "Authorization: Bearer …" (or X-Api-Key). An op1_ key is found through the one cross-tenant lookup and its hash
/// checked; the caller is the key's member with the lower of key and member role. A JWT is checked against the
/// identity provider of the organization it is for; the caller is the active member with the token's email, in their role.
/// </summary>
internal sealed class AdminAuthentication(OperatorOneDb db, OidcTokens tokens, TimeProvider clock, Microsoft.Extensions.Options.IOptions<AdminApiOptions> options)
{
    public static string? PresentedCredential(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        var apiKey = request.Headers["X-Api-Key"].ToString();
        return apiKey.Length > 0 ? apiKey.Trim() : null;
    }

    /// <summary>Who the credential claims to be, unchecked: the rate-limit partition, so one caller cannot starve another.</summary>
    public string? Partition(string presented) =>
        IsOperatorKey(presented) ? "operator"
        : ApiKeySecrets.TryReadId(presented) is { } keyId ? $"key:{keyId:N}"
        : OidcTokens.LooksLikeToken(presented) && tokens.UncheckedSubject(presented) is { } subject ? $"token:{subject}"
        : null;

    public async Task<AdminSignIn> AuthenticateAsync(string presented, Guid? routeOrganization, CancellationToken cancellationToken)
    {
        if (IsOperatorKey(presented))
        {
            // The operator acts on the organization the route names (row-level security still applies), or on none.
            if (routeOrganization is { } organizationId)
            {
                await db.UseOrganizationAsync(organizationId, cancellationToken);
            }
            return AdminSignIn.Success(AdminCaller.Operator(routeOrganization));
        }
        return OidcTokens.LooksLikeToken(presented)
            ? await AuthenticateTokenAsync(presented, routeOrganization, cancellationToken)
            : await AuthenticateKeyAsync(presented, cancellationToken);
    }

    /// <summary>Constant time over hashes, so neither the key nor its length leaks through timing.</summary>
    private bool IsOperatorKey(string presented) =>
        options.Value.OperatorKey is { Length: > 0 } key
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(SecretBox.Hash(presented), SecretBox.Hash(key));

    private async Task<AdminSignIn> AuthenticateKeyAsync(string presented, CancellationToken cancellationToken)
    {
        const string Refused = "The API key is malformed, unknown or revoked.";
        if (ApiKeySecrets.TryReadId(presented) is not { } keyId)
        {
            return AdminSignIn.Unauthorized(Refused);
        }
        var rows = await db.Database.SqlQuery<KeyRow>($"""
            SELECT organization_id AS "OrganizationId", member_id AS "MemberId", role AS "Role",
                   secret_hash AS "SecretHash", revoked_at AS "RevokedAt"
            FROM op_find_api_key({keyId})
            """).ToListAsync(cancellationToken);
        if (rows is not [var key] || key.RevokedAt is not null || !SecretBox.Matches(presented, key.SecretHash)
            || !Enum.TryParse<MemberRole>(key.Role, out var keyRole))
        {
            return AdminSignIn.Unauthorized(Refused);
        }
        await db.UseOrganizationAsync(key.OrganizationId, cancellationToken);
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == key.MemberId, cancellationToken);
        if (member is not { IsActive: true })
        {
            return AdminSignIn.Unauthorized(Refused);
        }
        // The key acts as its member: member-scoped policies (document visibility) see what that member may.
        await db.UseMemberAsync(member.Id, cancellationToken);
        var now = clock.GetUtcNow();
        await db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        var role = keyRole < member.Role ? keyRole : member.Role;
        return AdminSignIn.Success(new AdminCaller(key.OrganizationId, member.Id, member.DisplayName, role, $"api_key:{keyId:N}"));
    }

    private async Task<AdminSignIn> AuthenticateTokenAsync(string token, Guid? routeOrganization, CancellationToken cancellationToken)
    {
        var checkedToken = await tokens.ValidateAsync(token, routeOrganization, cancellationToken);
        if (checkedToken.OrganizationId is not { } organizationId)
        {
            return AdminSignIn.Unauthorized(checkedToken.Failure ?? "The token is invalid.", wasToken: true);
        }
        if (checkedToken.Email is not { } email)
        {
            return AdminSignIn.Forbidden(checkedToken.Failure ?? "The token names no one.");
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        // Case-insensitive and literal, as Slack's email links: the email's own '_' or '%' must not act as wildcards.
        var pattern = email.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        var members = await db.Members.AsNoTracking()
            .Where(m => m.IsActive && m.Email != null && EF.Functions.ILike(m.Email, pattern, @"\"))
            .Take(2).ToListAsync(cancellationToken);
        // Two active members sharing an email cannot be told apart, so neither is chosen.
        if (members is not [var member])
        {
            return AdminSignIn.Forbidden($"{email} is not an active member of the organization.");
        }
        return AdminSignIn.Success(new AdminCaller(organizationId, member.Id, member.DisplayName, member.Role, $"oidc:{checkedToken.Subject}"));
    }

    private sealed record KeyRow(Guid OrganizationId, Guid MemberId, string Role, byte[] SecretHash, DateTimeOffset? RevokedAt);
}
