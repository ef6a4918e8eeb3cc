using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OperatorOne.AdminApi.Members;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.AdminApi.Invitations;

/// <summary>
/// Invitations by email: each makes (or reuses) the member and a signed link that claims it in the web chat, once.
/// The link is shown to the admin and, when the organization has a support mailbox, mailed to the person (emailedAt).
/// </summary>
internal static class InvitationEndpoints
{
    public static void MapInvitations(this RouteGroupBuilder organization)
    {
        var invitations = organization.MapGroup("/invitations").WithTags("Invitations");
        invitations.MapGet("", ListAsync).WithSummary("List invitations, with the join link of those still open.").WithMetadata(new AdminAccess(MemberRole.Admin));
        invitations.MapPost("", InviteAsync).WithSummary("Invite someone by email as a member of a role (at most your own); returns the join link.");
        invitations.MapDelete("/{invitationId:guid}", RevokeAsync).WithSummary("Withdraw an open invitation; its link stops working.");
    }

    internal static async Task<Ok<List<InvitationDto>>> ListAsync(HttpRequest request, OperatorOneDb db, InvitationLinks links,
        IOptions<OnboardingOptions> onboarding, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(i => InvitationDto.From(i, now, links, onboarding.Value, Origin(request))).ToList());
    }

    internal static async Task<Results<Created<InvitationCreated>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        Guid organizationId, InvitationCreate create, HttpContext http, OperatorOneDb db, InvitationLinks links,
        IOptions<OnboardingOptions> onboarding, TimeProvider clock, OutboxWriter outbox, WorkSignal signal, CancellationToken cancellationToken)
    {
        var role = create.Role ?? MemberRole.Member;
        if (!Enum.IsDefined(role) || role == MemberRole.Guest)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["The role must be viewer, member, admin or owner."] });
        }
        if (create.DisplayName is { Length: > 200 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["displayName"] = ["The name is limited to 200 characters."] });
        }
        var caller = http.Features.GetRequiredFeature<AdminCaller>();
        if (role > caller.Role)
        {
            return TypedResults.Problem("You cannot invite someone with a higher role than your own.", statusCode: StatusCodes.Status403Forbidden);
        }
        var now = clock.GetUtcNow();
        var outcome = await MemberInvitations.InviteAsync(db, organizationId,
            new InvitationRequest(create.Email ?? "", role, create.DisplayName, null, caller.MemberId), now, onboarding.Value.InvitationLifetime, cancellationToken);
        if (outcome.Problem is { } problem)
        {
            return problem.Contains("not an email", StringComparison.Ordinal)
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = [problem] })
                : TypedResults.Problem(problem, statusCode: StatusCodes.Status409Conflict);
        }
        var invitation = outcome.Invitation!;
        var link = onboarding.Value.Absolute(links.PathFor(invitation), Origin(http.Request));
        var emailed = await InvitationMail.QueueAsync(db, outbox, outcome, link, caller.IsOperator ? null : caller.DisplayName, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (emailed)
        {
            signal.Notify(OutboxWork.QueueName);
        }
        return TypedResults.Created($"/admin/v1/organizations/{organizationId}/invitations/{invitation.Id}", new InvitationCreated(
            InvitationDto.From(invitation, now, links, onboarding.Value, Origin(http.Request)), MemberDto.From(outcome.Member!), outcome.IsNewMember));
    }

    internal static async Task<Results<NoContent, NotFound>> RevokeAsync(Guid invitationId, OperatorOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var revoked = await db.Invitations.Where(i => i.Id == invitationId && i.ClaimedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken);
        return revoked == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    private static Uri Origin(HttpRequest request) => new($"{request.Scheme}://{request.Host}/");
}

internal sealed record InvitationCreate(string? Email, MemberRole? Role, string? DisplayName);

internal sealed record InvitationCreated(InvitationDto Invitation, MemberDto Member, bool IsNewMember);

/// <summary>An invitation; <see cref="Link"/> only while it can still be claimed.</summary>
internal sealed record InvitationDto(Guid Id, Guid MemberId, string Email, string Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? ClaimedAt, DateTimeOffset? RevokedAt, DateTimeOffset? EmailedAt, string? Link)
{
    public static InvitationDto From(Invitation i, DateTimeOffset now, InvitationLinks links, OnboardingOptions onboarding, Uri origin)
    {
        var status = i.ClaimedAt is not null ? "claimed" : i.RevokedAt is not null ? "revoked" : i.ExpiresAt <= now ? "expired" : "open";
        return new(i.Id, i.MemberId, i.Email, status, i.CreatedAt, i.ExpiresAt, i.ClaimedAt, i.RevokedAt, i.EmailedAt,
            status == "open" ? onboarding.Absolute(links.PathFor(i), origin) : null);
    }
}
