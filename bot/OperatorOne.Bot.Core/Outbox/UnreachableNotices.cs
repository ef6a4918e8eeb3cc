using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Core.Outbox;

/// <summary>
/// Tells the organization's admins and owners when a channel refuses a conversation for good (blocked, uninstalled,
/// deleted): otherwise approval cards and notices would silently stop reaching that person.
/// </summary>
internal static class UnreachableNotices
{
    /// <summary>
    /// Queues one notice per admin/owner, on their most recent conversation that is still reachable and is not the one
    /// that failed. Called once, when the conversation turns stale; a stale conversation is never a target, so a
    /// notice that fails in turn cannot bounce back and forth.
    /// </summary>
    public static async Task QueueAsync(OperatorOneDb db, OutboxWriter outbox, Conversation failed, string channelName, string reason,
        CancellationToken cancellationToken)
    {
        var who = failed.MemberId is { } memberId
            ? await db.Members.Where(m => m.Id == memberId).Select(m => m.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        // Listed by name, not compared in SQL: roles are stored as text, where "Viewer" > "Admin".
        var admins = await db.Members
            .Where(m => m.IsActive && (m.Role == MemberRole.Admin || m.Role == MemberRole.Owner))
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        var targets = (await db.Conversations
                .Where(c => c.MemberId != null && admins.Contains(c.MemberId.Value) && !c.IsStale && c.Id != failed.Id)
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.MemberId)
            .Select(g => g.OrderByDescending(c => c.LastActivityAt).First());
        var text = who is null
            ? $"I can no longer reach a conversation in {channelName}: {reason}."
            : $"I can no longer reach {who} in {channelName}: {reason}. They will get messages again once they write to me there.";
        foreach (var target in targets)
        {
            outbox.Send(db, target, new Activity { Type = ActivityTypes.Message, Text = text });
        }
    }
}
