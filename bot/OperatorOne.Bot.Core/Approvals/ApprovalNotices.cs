using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Tools;
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
        var card = ApprovalCards.Decided(request, requester, decider);
        var word = ApprovalCards.StatusWord(request.Status).ToLowerInvariant();

        var copies = await db.ApprovalCardCopies.AsNoTracking().Where(c => c.ApprovalRequestId == request.Id).ToListAsync(cancellationToken);
        foreach (var copy in copies)
        {
            var updated = new Activity
            {
                Type = ActivityTypes.Message,
                Text = $"Approval #{request.Number} {word} by {decider}.",
                Attachments = [Attachment.AdaptiveCard(card)],
            };
            context.Outbox.Update(db, request.OrganizationId, copy.Channel, copy.ConversationId, copy.Id, updated);
        }

        if (request.RequestedInConversationId is { } conversationId)
        {
            var notice = request.Status == ApprovalStatus.Expired
                ? $"Your request #{request.Number} ({request.Summary}) expired without a decision; nothing was changed."
                : $"Your request #{request.Number} ({request.Summary}) was {word} by {decider}. {request.Outcome}".Trim();
            await context.Outbox.SendAsync(db, conversationId, Activity.Message(notice), cancellationToken);
        }
    }
}
