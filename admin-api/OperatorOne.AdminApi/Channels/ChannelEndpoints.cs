using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;

namespace OperatorOne.AdminApi.Channels;

/// <summary>
/// The channel connections as they are right now: Teams, Slack, web chat and phone, each not configured, configured but
/// unreachable, or working, with the failing hop and its fix, and the values and files each one's setup needs.
/// </summary>
internal static class ChannelEndpoints
{
    public static void MapChannels(this RouteGroupBuilder organization)
    {
        var channels = organization.MapGroup("/channels").WithTags("Channel connections").WithMetadata(new AdminAccess(MemberRole.Admin));
        channels.MapGet("", ListAsync).WithSummary("Check every channel for this organization: state, hops, the failing hop's fix, setup values.");
        channels.MapGet("/{channel}/{file}", Download).WithSummary("A setup file: msteams/package is the Teams app package, filled in.");
    }

    internal static async Task<Ok<IReadOnlyList<ChannelReport>>> ListAsync(Guid organizationId, HttpRequest request, OperatorOneDb db,
        ChannelChecks checks, CancellationToken cancellationToken) =>
        TypedResults.Ok(await checks.RunAsync(new ChannelCheckContext(db, organizationId, Origin(request)), cancellationToken));

    internal static Results<FileContentHttpResult, NotFound, ProblemHttpResult> Download(Guid organizationId, string channel, string file,
        HttpRequest request, OperatorOneDb db, ChannelChecks checks)
    {
        var name = ChannelNames.Parse(channel);
        if (name is null || checks.SetupFile(name, file, new ChannelCheckContext(db, organizationId, Origin(request))) is not { } found)
        {
            return TypedResults.NotFound();
        }
        return found.Content is { } content
            ? TypedResults.File(content, found.ContentType, found.FileName)
            : TypedResults.Problem(found.Problem, statusCode: StatusCodes.Status409Conflict);
    }

    private static Uri Origin(HttpRequest request) => new($"{request.Scheme}://{request.Host}/");
}
