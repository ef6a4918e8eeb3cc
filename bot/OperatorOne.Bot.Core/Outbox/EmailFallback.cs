using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Data;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Outbox;

namespace OperatorOne.Bot.Core.Outbox;

/// <summary>
/// A notice whose chat can no longer take it (stale conversation, channel gone) goes to the member's email instead.
/// The failed message becomes Rerouted, the mail carries its id in ReroutedFromId, and the audit trail says where it went.
/// </summary>
internal static class EmailFallback
{
    public static async Task<bool> RerouteAsync(OperatorOneDb db, OutboxWriter outbox, OutboxMessage message, Conversation conversation, string reason,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (message.Kind != OutboxKind.Send || conversation.Channel == ChannelNames.Email || conversation.MemberId is not { } memberId)
        {
            return false;
        }
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.IsActive)
            .Select(m => new { m.DisplayName, m.Email }).SingleOrDefaultAsync(cancellationToken);
        var address = EmailConversations.Address(member?.Email);
        if (address is null || await EmailConversations.MailboxAsync(db, cancellationToken) is not { } mailbox)
        {
            return false;
        }
        var mail = await EmailConversations.ForMemberAsync(db, message.OrganizationId, memberId, member!.DisplayName, address, mailbox, now, cancellationToken);
        var rerouted = outbox.Send(db, mail, Activities.BotJson.Deserialize<Activities.Activity>(message.Activity), message.CardCopyId);
        rerouted.ReroutedFromId = message.Id;
        message.Status = OutboxStatus.Rerouted;
        message.LastError = $"{reason} Sent to {address} by email instead.";
        db.AuditEvents.Add(new AuditEvent
        {
            OrganizationId = message.OrganizationId,
            MemberId = memberId,
            ConversationId = conversation.Id,
            Kind = AuditKinds.DeliveryRerouted,
            Outcome = ChannelNames.Email,
            Detail = System.Text.Json.JsonSerializer.Serialize(new { from = conversation.Channel, to = ChannelNames.Email, address, reason, outbox = message.Id }),
            CreatedAt = now,
        });
        return true;
    }
}
