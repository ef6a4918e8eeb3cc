using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// A signed-in member's web chat picks up where it left off: signing in again (a reload, another tab or device) goes on
/// with their latest conversation on this site, its history shown and the outcome of what they asked for in it, instead
/// of a new one that would also be sent every pending approval again. Callers have scoped the context to the organization.
/// </summary>
internal static class MemberConversations
{
    public static async Task<string> LatestOrNewAsync(OperatorOneDb db, string site, string userId, Guid memberId, CancellationToken cancellationToken)
    {
        var latest = await db.Conversations.AsNoTracking()
            .Where(c => c.Channel == ChannelNames.WebChat && c.MemberId == memberId && !c.IsStale)
            .Join(db.DirectLineConversations, c => c.ExternalId, d => d.Id, (c, d) => new { c.LastActivityAt, d.Id, d.SiteId, d.UserId })
            .Where(x => x.SiteId == site && x.UserId == userId)
            .OrderByDescending(x => x.LastActivityAt)
            .Select(x => x.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return latest ?? DirectLineIds.NewConversationId();
    }
}
