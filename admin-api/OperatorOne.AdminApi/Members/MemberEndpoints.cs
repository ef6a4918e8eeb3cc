using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.AdminApi.Members;

/// <summary>Members: invite (create), change role (owners only), deactivate.</summary>
internal static partial class MemberEndpoints
{
    public static void MapMembers(this RouteGroupBuilder organization)
    {
        var members = organization.MapGroup("/members").WithTags("Members");
        members.MapGet("", ListAsync).WithSummary("List members, active and deactivated.");
        members.MapGet("/{memberId:guid}", GetAsync).WithSummary("Read one member.");
        members.MapPost("", InviteAsync).WithSummary("Invite a member: handle, name, email and role.");
        members.MapPatch("/{memberId:guid}", UpdateAsync)
            .WithSummary("Change a member's name, email (the address an OIDC token and their mail are matched on) or notifyBy (chat, email, both); omitted fields stay.");
        members.MapPut("/{memberId:guid}/role", ChangeRoleAsync).WithSummary("Change a member's role (owner only); the last active owner cannot be demoted (409).")
            .WithMetadata(new AdminAccess(MemberRole.Owner));
        members.MapPost("/{memberId:guid}/deactivate", DeactivateAsync).WithSummary("Deactivate a member; their keys stop working. The last active owner cannot be deactivated (409).");
    }

    internal static async Task<Ok<List<MemberDto>>> ListAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Members.AsNoTracking().OrderBy(m => m.Handle).Select(m => MemberDto.From(m)).ToListAsync(cancellationToken));

    internal static async Task<Results<Ok<MemberDto>, NotFound>> GetAsync(Guid memberId, OperatorOneDb db, CancellationToken cancellationToken) =>
        await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken) is { } member
            ? TypedResults.Ok(MemberDto.From(member))
            : TypedResults.NotFound();

    internal static async Task<Results<Created<MemberDto>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        Guid organizationId, MemberInvite invite, HttpContext http, OperatorOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = invite.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (invite.Role > http.Features.GetRequiredFeature<AdminCaller>().Role)
        {
            return TypedResults.Problem("You cannot invite someone with a higher role than your own.", statusCode: StatusCodes.Status403Forbidden);
        }
        var handle = invite.Handle.Trim().ToLowerInvariant();
        if (await db.Members.AnyAsync(m => m.Handle == handle, cancellationToken))
        {
            return TypedResults.Problem($"The handle '{handle}' is taken.", statusCode: StatusCodes.Status409Conflict);
        }
        var member = new Member
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, Handle = handle, DisplayName = invite.DisplayName.Trim(),
            Email = invite.Email?.Trim(), Role = invite.Role, CreatedAt = clock.GetUtcNow(),
        };
        db.Members.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/admin/v1/organizations/{organizationId}/members/{member.Id}", MemberDto.From(member));
    }

    internal static async Task<Results<Ok<MemberDto>, NotFound, ValidationProblem>> UpdateAsync(
        Guid memberId, MemberUpdate update, OperatorOneDb db, CancellationToken cancellationToken)
    {
        var errors = update.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }
        member.DisplayName = update.DisplayName?.Trim() ?? member.DisplayName;
        // An empty email clears it: the member can then no longer sign in with a token.
        member.Email = update.Email is null ? member.Email : update.Email.Trim() is { Length: > 0 } email ? email : null;
        member.NotifyBy = update.NotifyBy ?? member.NotifyBy;
        if (member.NotifyBy != NoticePreference.Chat && member.Email is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["notifyBy"] = ["Notices by email need the member's email address."] });
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MemberDto.From(member));
    }

    internal static async Task<Results<Ok<MemberDto>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeRoleAsync(
        Guid memberId, RoleChange change, OperatorOneDb db, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(change.Role) || change.Role == MemberRole.Guest)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["The role must be viewer, member, admin or owner."] });
        }
        return await ChangeAsync(memberId, db, member => member.Role = change.Role, change.Role != MemberRole.Owner, cancellationToken);
    }

    internal static Task<Results<Ok<MemberDto>, NotFound, ValidationProblem, ProblemHttpResult>> DeactivateAsync(
        Guid memberId, OperatorOneDb db, CancellationToken cancellationToken) =>
        ChangeAsync(memberId, db, member => member.IsActive = false, losesOwnership: true, cancellationToken);

    /// <summary>A role or status change that may take an owner away: refused for the organization's last active owner.</summary>
    private static async Task<Results<Ok<MemberDto>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid memberId, OperatorOneDb db, Action<Member> change, bool losesOwnership, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }
        if (losesOwnership && await Owners.LastOwnerRefusalAsync(db, member, cancellationToken) is { } refusal)
        {
            return TypedResults.Problem(refusal, statusCode: StatusCodes.Status409Conflict);
        }
        change(member);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Owners.IsLastOwnerViolation(e))
        {
            return TypedResults.Problem(Owners.Refusal(member.DisplayName), statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Ok(MemberDto.From(member));
    }

    [GeneratedRegex("^[a-z][a-z0-9._-]{0,63}$", RegexOptions.IgnoreCase)]
    internal static partial Regex HandlePattern();
}

internal sealed record MemberDto(Guid Id, string Handle, string DisplayName, string? Email, MemberRole Role, bool IsActive, string? TimeZone, DateTimeOffset CreatedAt,
    NoticePreference NotifyBy)
{
    public static MemberDto From(Member m) => new(m.Id, m.Handle, m.DisplayName, m.Email, m.Role, m.IsActive, m.TimeZone, m.CreatedAt, m.NotifyBy);
}

internal sealed record RoleChange(MemberRole Role);

internal sealed record MemberUpdate(string? DisplayName, string? Email, NoticePreference? NotifyBy = null)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (DisplayName is not null && (DisplayName.Trim().Length == 0 || DisplayName.Length > 200))
        {
            errors["displayName"] = ["The name must be 1 to 200 characters."];
        }
        if (Email is { Length: > 0 } email && (email.Length > 320 || OperatorOne.Bot.Core.Notices.EmailConversations.Address(email) is null))
        {
            errors["email"] = ["That is not an email address."];
        }
        if (NotifyBy is { } notifyBy && !Enum.IsDefined(notifyBy))
        {
            errors["notifyBy"] = ["notifyBy must be chat, email or both."];
        }
        return errors;
    }
}

internal sealed record MemberInvite(string Handle, string DisplayName, string? Email, MemberRole Role)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Handle) || !MemberEndpoints.HandlePattern().IsMatch(Handle.Trim()))
        {
            errors["handle"] = ["A handle is a letter followed by up to 63 letters, digits, '.', '_' or '-'."];
        }
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Length > 200)
        {
            errors["displayName"] = ["The name must be 1 to 200 characters."];
        }
        if (Email is not null && (Email.Length > 320 || OperatorOne.Bot.Core.Notices.EmailConversations.Address(Email) is null))
        {
            errors["email"] = ["That is not an email address."];
        }
        if (!Enum.IsDefined(Role) || Role == MemberRole.Guest)
        {
            errors["role"] = ["The role must be viewer, member, admin or owner."];
        }
        return errors;
    }
}
