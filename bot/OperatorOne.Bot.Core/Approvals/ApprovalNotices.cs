using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Approvals;

namespace OperatorOne.Bot.Core.Approvals;

/// <summary>After a decision or expiry: every copy of the card shows the result, and the requester hears it.</summary>
internal static class ApprovalNotices
{
    public static async Task PublishAsync(ApprovalRequest request, ToolContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var names = await db.Members.AsNoTracking()
            .Where(m => m.Id == request.RequestedById || m.Id == request.DecidedById)
            .ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
        var requester = names.GetValueOrDefault(request.RequestedById, "someone");
        var decider = request.DecidedById is { } id ? names.GetValueOrDefault(id, "an approver") : "nobody (it expired)";
        var word = ApprovalCards.StatusWord(request.Status).ToLowerInvariant();

        var copies = await db.ApprovalCardCopies.AsNoTracking().Where(c => c.ApprovalRequestId == request.Id).ToListAsync(cancellationToken);
        var zones = await ReaderZonesAsync(db, copies, cancellationToken);
        foreach (var copy in copies)
        {
            var card = ApprovalCards.Decided(request, requester, decider, copy.ConversationId is { } copyConversation ? zones.GetValueOrDefault(copyConversation) : null);
            var updated = new Activity
            {
                Type = ActivityTypes.Message,
                Text = $"Approval #{request.Number} {word} by {decider}.",
                Attachments = [Attachment.AdaptiveCard(card)],
            };
            context.Outbox.Update(db, request.OrganizationId, copy.Channel, copy.ConversationId, copy.Id, updated);
        }

        // The requester reads the summary's times on their own clock.
        var zone = await db.Members.AsNoTracking().Where(m => m.Id == request.RequestedById)
            .Select(m => m.TimeZone ?? db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.TimeZone).First())
            .SingleOrDefaultAsync(cancellationToken);
        var summary = ApprovalSummary.ForReader(request.Summary, zone is null ? null : NaturalDates.Zone(zone));
        var notice = request.Status == ApprovalStatus.Expired
            ? $"Your request #{request.Number} ({summary}) expired without a decision; nothing was changed."
            : $"Your request #{request.Number} ({summary}) was {word} by {decider}. {request.Outcome}".Trim();
        foreach (var conversation in await RequesterConversationsAsync(request, context, cancellationToken))
        {
            await context.Outbox.SendAsync(db, conversation, Activity.Message(notice), cancellationToken);
        }
    }

    /// <summary>
    /// Where the requester hears the outcome: the conversation they asked in, and their most recent chat on each other
    /// channel they use (or their email, as they prefer), so they learn it wherever they are by then.
    /// </summary>
    private static async Task<List<Guid>> RequesterConversationsAsync(ApprovalRequest request, ToolContext context, CancellationToken cancellationToken)
    {
        var asked = request.RequestedInConversationId is { } id
            ? await context.Db.Conversations.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Id, c.Channel }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var elsewhere = await NoticeConversations.ForMembersAsync(context.Db, request.OrganizationId, [request.RequestedById], context.Now, cancellationToken);
        var targets = asked is null ? new List<Guid>() : [asked.Id];
        targets.AddRange(elsewhere.Where(c => c.Channel != asked?.Channel && !targets.Contains(c.Id)).Select(c => c.Id));
        return targets;
    }

    /// <summary>The time zone of the member each card copy was sent to, by conversation.</summary>
    private static async Task<Dictionary<Guid, TimeZoneInfo>> ReaderZonesAsync(OperatorOneDb db, List<ApprovalCardCopy> copies, CancellationToken cancellationToken)
    {
        var conversations = copies.Where(c => c.ConversationId != null).Select(c => c.ConversationId!.Value).Distinct().ToList();
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => conversations.Contains(c.Id) && c.MemberId != null)
            .Join(db.Members, c => c.MemberId, m => m.Id, (c, m) => new
            {
                c.Id,
                Zone = m.TimeZone ?? db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.TimeZone).First(),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => NaturalDates.Zone(r.Zone));
    }
}
