using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.ApiKeys;
using OperatorOne.Data.Members;

namespace OperatorOne.AdminApi.ApiKeys;

/// <summary>API keys (owners only): create one for a member (shown once), list, revoke.</summary>
internal static class ApiKeyEndpoints
{
    public static void MapApiKeys(this RouteGroupBuilder organization)
    {
        var keys = organization.MapGroup("/api-keys").WithTags("API keys").WithMetadata(new AdminAccess(MemberRole.Owner));
        keys.MapGet("", ListAsync).WithSummary("List keys: who they act as, their role, last use, revocation.");
        keys.MapPost("", CreateAsync).WithSummary("Create a key acting as a member; the key is in this response only.");
        keys.MapDelete("/{keyId:guid}", RevokeAsync).WithSummary("Revoke a key; it stops working at once.");
    }

    internal static async Task<Ok<List<ApiKeyDto>>> ListAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt)
            .Select(k => new ApiKeyDto(k.Id, k.Name, k.MemberId, k.Role, k.CreatedAt, k.LastUsedAt, k.RevokedAt, null))
            .ToListAsync(cancellationToken));

    internal static async Task<Results<Created<ApiKeyDto>, ValidationProblem, NotFound>> CreateAsync(
        ApiKeyCreate create, OperatorOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(create.Name) || create.Name.Length > 200)
        {
            errors["name"] = ["The name must be 1 to 200 characters."];
        }
        if (create.Role is { } role && (!Enum.IsDefined(role) || role < MemberRole.Viewer))
        {
            errors["role"] = ["The role must be viewer, member, admin or owner."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == create.MemberId && m.IsActive, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }
        var (key, plaintext) = Issue(db, member, create.Name.Trim(), create.Role, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/admin/v1/organizations/{member.OrganizationId}/api-keys/{key.Id}",
            new ApiKeyDto(key.Id, key.Name, key.MemberId, key.Role, key.CreatedAt, null, null, plaintext));
    }

    internal static async Task<Results<NoContent, NotFound>> RevokeAsync(Guid keyId, OperatorOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var revoked = await db.ApiKeys.Where(k => k.Id == keyId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        return revoked == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    /// <summary>Adds a key to the unit of work; the key's role never exceeds its member's.</summary>
    public static (ApiKey Key, string Plaintext) Issue(OperatorOneDb db, Member member, string name, MemberRole? role, DateTimeOffset now)
    {
        var id = Guid.NewGuid();
        var (plaintext, hash) = ApiKeySecrets.Create(id);
        var key = new ApiKey
        {
            Id = id, OrganizationId = member.OrganizationId, MemberId = member.Id, Name = name,
            Role = role is { } wanted && wanted < member.Role ? wanted : member.Role,
            SecretHash = hash, CreatedAt = now,
        };
        db.ApiKeys.Add(key);
        return (key, plaintext);
    }
}

internal sealed record ApiKeyCreate(Guid MemberId, string Name, MemberRole? Role);

/// <summary>A key; <see cref="Key"/> (op1_…) is set only in the response that created it.</summary>
internal sealed record ApiKeyDto(
    Guid Id, string Name, Guid MemberId, MemberRole Role, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? Key);
