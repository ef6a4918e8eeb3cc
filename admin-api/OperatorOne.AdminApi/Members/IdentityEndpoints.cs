using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;

namespace OperatorOne.AdminApi.Members;

/// <summary>Channel identities: which Teams, Slack, phone or web chat user a member is.</summary>
internal static class IdentityEndpoints
{
    public static void MapIdentities(this RouteGroupBuilder organization)
    {
        var identities = organization.MapGroup("/members/{memberId:guid}/identities").WithTags("Channel identities");
        identities.MapGet("", ListAsync).WithSummary("List a member's channel identities.");
        identities.MapPost("", LinkAsync).WithSummary("Link a channel identity to a member.");
        identities.MapDelete("/{identityId:guid}", UnlinkAsync).WithSummary("Unlink a channel identity.");
    }

    internal static async Task<Results<Ok<List<IdentityDto>>, NotFound>> ListAsync(Guid memberId, OperatorOneDb db, CancellationToken cancellationToken)
    {
        if (!await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await db.ChannelIdentities.AsNoTracking().Where(i => i.MemberId == memberId)
            .OrderBy(i => i.Channel).ThenBy(i => i.ExternalId)
            .Select(i => new IdentityDto(i.Id, i.MemberId, i.Channel, i.ExternalId, i.CreatedAt)).ToListAsync(cancellationToken));
    }

    internal static async Task<Results<Created<IdentityDto>, NotFound, ValidationProblem, ProblemHttpResult>> LinkAsync(
        Guid organizationId, Guid memberId, IdentityLink link, OperatorOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var channel = ChannelNames.Parse(link.Channel);
        if (channel is null)
        {
            errors["channel"] = [$"The channel must be one of {string.Join(", ", ChannelNames.All)}."];
        }
        var country = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Country).SingleOrDefaultAsync(cancellationToken) ?? "US";
        var (externalId, problem) = ChannelExternalIds.Normalize(channel ?? "", link.ExternalId, country);
        if (problem is not null)
        {
            errors["externalId"] = [problem];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        if (await db.ChannelIdentities.AnyAsync(i => i.Channel == channel && i.ExternalId == externalId, cancellationToken))
        {
            return TypedResults.Problem("That channel identity is already linked to a member.", statusCode: StatusCodes.Status409Conflict);
        }
        var identity = new ChannelIdentity
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, MemberId = memberId, Channel = channel!,
            ExternalId = externalId!, CreatedAt = clock.GetUtcNow(),
        };
        db.ChannelIdentities.Add(identity);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/admin/v1/organizations/{organizationId}/members/{memberId}/identities/{identity.Id}",
            new IdentityDto(identity.Id, memberId, identity.Channel, identity.ExternalId, identity.CreatedAt));
    }

    internal static async Task<Results<NoContent, NotFound>> UnlinkAsync(Guid memberId, Guid identityId, OperatorOneDb db, CancellationToken cancellationToken) =>
        await db.ChannelIdentities.Where(i => i.Id == identityId && i.MemberId == memberId).ExecuteDeleteAsync(cancellationToken) == 0
            ? TypedResults.NotFound()
            : TypedResults.NoContent();
}

internal sealed record IdentityDto(Guid Id, Guid MemberId, string Channel, string ExternalId, DateTimeOffset CreatedAt);

/// <summary>A channel identity to link; a phone number may be typed any way ("(555) 123-4567") and is stored in E.164.</summary>
internal sealed record IdentityLink(string? Channel, string? ExternalId);
