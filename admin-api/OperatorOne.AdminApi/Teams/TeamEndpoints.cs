using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Documents;

namespace OperatorOne.AdminApi.Teams;

/// <summary>Teams documents can be shared with: list (with members), create, add and remove members. Writes need admin.</summary>
internal static class TeamEndpoints
{
    private const int MaxName = 100;

    public static void MapTeams(this RouteGroupBuilder organization)
    {
        var teams = organization.MapGroup("/teams").WithTags("Teams");
        teams.MapGet("", ListAsync).WithSummary("List the teams with their members.");
        teams.MapPost("", CreateAsync).WithSummary("Create a team: a name and, optionally, its first members' ids.");
        teams.MapPost("/{teamId:guid}/members", AddMemberAsync).WithSummary("Add a member to a team; they can then read documents shared with it.");
        teams.MapDelete("/{teamId:guid}/members/{memberId:guid}", RemoveMemberAsync).WithSummary("Remove a member from a team.");
    }

    internal static async Task<Ok<List<TeamDto>>> ListAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await TeamsAsync(db, null, cancellationToken));

    internal static async Task<Results<Created<TeamDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid organizationId, TeamCreate create, OperatorOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = create.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxName)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"The name must be 1 to {MaxName} characters."] });
        }
        var memberIds = (create.MemberIds ?? []).Distinct().ToList();
        var known = await db.Members.Where(m => memberIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        if (memberIds.Except(known).ToList() is [var unknown, ..])
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["memberIds"] = [$"No member {unknown} in this organization."] });
        }
        var names = await db.Teams.Select(t => t.Name).ToListAsync(cancellationToken);
        if (names.Any(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem($"There is already a team called '{name}'.", statusCode: StatusCodes.Status409Conflict);
        }
        var team = new Team { Id = Guid.NewGuid(), OrganizationId = organizationId, Name = name, CreatedAt = clock.GetUtcNow() };
        db.Teams.Add(team);
        db.TeamMembers.AddRange(memberIds.Select(id => new TeamMember { TeamId = team.Id, MemberId = id, OrganizationId = organizationId }));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/admin/v1/organizations/{organizationId}/teams/{team.Id}", (await TeamsAsync(db, team.Id, cancellationToken))[0]);
    }

    internal static async Task<Results<Ok<TeamDto>, NotFound, ValidationProblem>> AddMemberAsync(
        Guid organizationId, Guid teamId, TeamMemberAdd add, OperatorOneDb db, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        if (!await db.Members.AnyAsync(m => m.Id == add.MemberId, cancellationToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["memberId"] = ["No such member in this organization."] });
        }
        // Adding someone already in the team changes nothing and is not an error: the caller wanted them in it.
        if (!await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.MemberId == add.MemberId, cancellationToken))
        {
            db.TeamMembers.Add(new TeamMember { TeamId = teamId, MemberId = add.MemberId, OrganizationId = organizationId });
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok((await TeamsAsync(db, teamId, cancellationToken))[0]);
    }

    internal static async Task<Results<NoContent, NotFound>> RemoveMemberAsync(Guid teamId, Guid memberId, OperatorOneDb db, CancellationToken cancellationToken) =>
        await db.TeamMembers.Where(m => m.TeamId == teamId && m.MemberId == memberId).ExecuteDeleteAsync(cancellationToken) == 0
            ? TypedResults.NotFound()
            : TypedResults.NoContent();

    private static async Task<List<TeamDto>> TeamsAsync(OperatorOneDb db, Guid? teamId, CancellationToken cancellationToken) =>
        await db.Teams.AsNoTracking().Where(t => teamId == null || t.Id == teamId).OrderBy(t => t.Name)
            .Select(t => new TeamDto(t.Id, t.Name, t.CreatedAt, db.TeamMembers.Where(m => m.TeamId == t.Id)
                .Join(db.Members, m => m.MemberId, m => m.Id, (_, m) => m)
                .OrderBy(m => m.DisplayName)
                .Select(m => new TeamMemberDto(m.Id, m.Handle, m.DisplayName)).ToList()))
            .ToListAsync(cancellationToken);
}

internal sealed record TeamDto(Guid Id, string Name, DateTimeOffset CreatedAt, List<TeamMemberDto> Members);

internal sealed record TeamMemberDto(Guid MemberId, string Handle, string DisplayName);

internal sealed record TeamCreate(string? Name, List<Guid>? MemberIds);

internal sealed record TeamMemberAdd(Guid MemberId);
