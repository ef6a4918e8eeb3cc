using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OperatorOne.Data;

namespace OperatorOne.Skills.Calendar;

/// <summary>Serves the signed .ics links <see cref="ExportCalendar"/> hands out; the token is the only credential.</summary>
public static class IcsEndpoint
{
    public const string Route = "/calendar/ics";

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Route}/{{token}}", DownloadAsync).ExcludeFromDescription();
        app.MapGet($"{FeedEndpoint.Route}/{{token}}", FeedEndpoint.ServeAsync).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, BadRequest, NotFound, ProblemHttpResult>> DownloadAsync(
        string token, HttpContext http, IcsLinks links, OperatorOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (token.Length > IcsLinks.MaxTokenLength)
        {
            return TypedResults.BadRequest();
        }
        // A forged or damaged link reveals nothing: it is simply not there.
        if (links.Read(token) is not { } grant)
        {
            return TypedResults.NotFound();
        }
        if (grant.ExpiresAt <= clock.GetUtcNow())
        {
            return TypedResults.Problem("This calendar link has expired; ask the bot to export it again.", statusCode: StatusCodes.Status410Gone);
        }
        await db.UseOrganizationAsync(grant.OrganizationId, cancellationToken);
        var entries = await EntriesAsync(db, grant, clock.GetUtcNow(), cancellationToken);
        if (grant.EventNumber != 0 && entries.Count == 0)
        {
            return TypedResults.NotFound();
        }
        var ics = IcsFeed.Write(entries, http.Request.Host.Host);
        var name = grant.EventNumber == 0 ? "calendar.ics" : $"event-{grant.EventNumber}.ics";
        return TypedResults.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", name);
    }

    private static Task<List<IcsEntry>> EntriesAsync(OperatorOneDb db, IcsGrant grant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mine = IcsEntries.Of(db, grant.MemberId);
        return grant.EventNumber != 0
            ? IcsEntries.ReadAsync(db, mine.Where(e => e.Number == grant.EventNumber), cancellationToken)
            : IcsEntries.ReadAsync(db, mine.Where(e => e.CancelledAt == null && e.EndsAt >= now.AddDays(-1) && e.StartsAt < now.AddDays(60)), cancellationToken);
    }
}
