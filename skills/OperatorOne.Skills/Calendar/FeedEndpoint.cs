using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// The subscription feed Outlook and Google poll: a member's events from 30 days back to a year ahead. The signed link is
/// the only credential; a link that is not ours (or names another organization's feed) is simply not there (404), and a
/// revoked one is 410 Gone so subscribed clients stop polling.
/// </summary>
internal static class FeedEndpoint
{
    public const string Route = "/calendar/feed";

    public static async Task<Results<FileContentHttpResult, BadRequest, NotFound, ProblemHttpResult>> ServeAsync(
        string token, HttpContext http, FeedLinks links, OperatorOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (token.Length > FeedLinks.MaxTokenLength)
        {
            return TypedResults.BadRequest();
        }
        if (links.Read(token) is not { } grant)
        {
            return TypedResults.NotFound();
        }
        await db.UseOrganizationAsync(grant.OrganizationId, cancellationToken);
        // Row-level security: a feed of another organization is not visible here, whatever the link claims.
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == grant.FeedId, cancellationToken);
        if (feed is null)
        {
            return TypedResults.NotFound();
        }
        if (feed.RevokedAt is not null)
        {
            return TypedResults.Problem("This calendar feed link was revoked; ask the bot for a new one.", statusCode: StatusCodes.Status410Gone);
        }
        var now = clock.GetUtcNow();
        var member = await db.Members.AsNoTracking().Where(m => m.Id == feed.MemberId).Select(m => new { m.DisplayName, m.IsActive }).SingleAsync(cancellationToken);
        if (!member.IsActive)
        {
            return TypedResults.Problem("This calendar feed belongs to a member who was removed.", statusCode: StatusCodes.Status410Gone);
        }
        var events = IcsEntries.Of(db, feed.MemberId).Where(e => e.CancelledAt == null && e.EndsAt >= now.AddDays(-30) && e.StartsAt < now.AddDays(366));
        var entries = await IcsEntries.ReadAsync(db, events, cancellationToken);
        var ics = IcsFeed.Write(entries, http.Request.Host.Host, $"{member.DisplayName} (OperatorOne)");
        return TypedResults.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "calendar.ics");
    }
}
