using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// Development only: a token for one of the seeded demo members (to their latest conversation, if any), so the page can sign in without a site backend.
/// Not mapped at all outside Development, so the route answers 404 there; where it is mapped it answers only a client on
/// this machine connected directly, never one behind a proxy (which makes every request look local).
/// </summary>
internal static class DemoSignIn
{
    public const string Site = "demo-site";
    public static readonly string[] Members = ["owner", "admin", "member", "viewer"];

    public static async Task<Results<Ok<DemoTokenResponse>, JsonHttpResult<DirectLineError>>> IssueAsync(
        HttpContext http, DemoTokenRequest request, WebChatSites sites, OperatorOneDb db, WebChatTokens tokens, CancellationToken cancellationToken)
    {
        if (!DirectConnection.IsLocal(http))
        {
            return DirectLineError.Result(StatusCodes.Status403Forbidden, "Forbidden", $"Demo sign-in: {DirectConnection.Refusal}");
        }
        if (request.Member is not { } member || !Members.Contains(member))
        {
            return DirectLineError.BadJson($"member must be one of: {string.Join(", ", Members)}.");
        }
        if (await sites.FindOrganizationAsync(Site, cancellationToken) is not { } organizationId)
        {
            return DirectLineError.Result(StatusCodes.Status404NotFound, "NotFound", $"The web chat site '{Site}' is not seeded.");
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var userId = $"demo-{member}";
        var found = await db.ChannelIdentities
            .Where(i => i.Channel == ChannelNames.WebChat && i.ExternalId == userId)
            .Join(db.Members, i => i.MemberId, m => m.Id, (_, m) => new
            {
                m.Id,
                m.DisplayName,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return DirectLineError.Result(StatusCodes.Status404NotFound, "NotFound", $"The demo member '{member}' is not seeded.");
        }
        var conversationId = await MemberConversations.LatestOrNewAsync(db, Site, userId, found.Id, cancellationToken);
        var token = tokens.Issue(Site, organizationId, conversationId, userId, found.DisplayName);
        return TypedResults.Ok(new DemoTokenResponse(token, conversationId, userId, found.DisplayName, member, await MemberClock.IanaZoneAsync(db, found.Id, cancellationToken)));
    }
}
