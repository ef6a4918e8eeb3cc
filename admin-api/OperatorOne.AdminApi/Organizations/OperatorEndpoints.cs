using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OperatorOne.AdminApi.Members;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Data;

namespace OperatorOne.AdminApi.Organizations;

/// <summary>/admin/v1/organizations: the operator (AdminApi:OperatorKey) creates and lists the organizations this bot hosts.</summary>
internal static class OperatorEndpoints
{
    public static void MapOperator(this RouteGroupBuilder organizations)
    {
        organizations.MapGet("", ListAsync).WithSummary("List the organizations this bot hosts (operator key).");
        organizations.MapPost("", CreateAsync)
            .WithSummary("Create an organization with its first owner (operator key); the owner's API key and join link are in this response only.");
    }

    internal static async Task<Ok<List<OrganizationSummary>>> ListAsync(OperatorOneDb db, CancellationToken cancellationToken)
    {
        var ids = await db.Database.SqlQuery<Guid>($"SELECT op_organization_ids AS \"Value\" FROM op_organization_ids()").ToListAsync(cancellationToken);
        var list = new List<OrganizationSummary>();
        foreach (var id in ids)
        {
            // Each read under its own organization: row-level security holds for the operator too.
            await db.UseOrganizationAsync(id, cancellationToken);
            var found = await db.Organizations.AsNoTracking().Where(o => o.Id == id)
                .Select(o => new OrganizationSummary(o.Id, o.Name, o.Country, o.TimeZone, o.CreatedAt, db.Members.Count(m => m.IsActive)))
                .SingleOrDefaultAsync(cancellationToken);
            if (found is not null)
            {
                list.Add(found);
            }
        }
        return TypedResults.Ok(list.OrderBy(o => o.CreatedAt).ToList());
    }

    internal static async Task<Results<Created<CreatedOrganizationDto>, ValidationProblem>> CreateAsync(
        NewOrganization create, HttpRequest request, OperatorOneDb db, InvitationLinks links, IOptions<OnboardingOptions> onboarding,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = OrganizationCreation.Validate(create);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var created = await OrganizationCreation.CreateAsync(db, create, links, onboarding.Value, clock.GetUtcNow(), cancellationToken);
        var origin = new Uri($"{request.Scheme}://{request.Host}/");
        return TypedResults.Created($"/admin/v1/organizations/{created.Organization.Id}", new CreatedOrganizationDto(
            OrganizationDto.From(created.Organization), MemberDto.From(created.Owner), created.ApiKey,
            onboarding.Value.Absolute(created.JoinPath, origin), created.WebChatSite));
    }
}

internal sealed record OrganizationSummary(Guid Id, string Name, string Country, string TimeZone, DateTimeOffset CreatedAt, int ActiveMembers);

/// <summary>The new organization; <see cref="OwnerApiKey"/> and <see cref="OwnerJoinLink"/> are shown only here.</summary>
internal sealed record CreatedOrganizationDto(OrganizationDto Organization, MemberDto Owner, string OwnerApiKey, string OwnerJoinLink, string WebChatSite);
