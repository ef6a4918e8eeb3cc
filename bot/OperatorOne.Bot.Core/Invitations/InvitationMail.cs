using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Invitations;

/// <summary>
/// Mails an invitation's link to the invited address from the organization's support mailbox, through the outbox in the
/// caller's unit of work (so the mail leaves once, with retries, exactly when the invitation is saved), and records
/// <c>EmailedAt</c>. Without a mailbox nothing is sent: the link is only shown to whoever invited.
/// </summary>
public static class InvitationMail
{
    public static async Task<bool> QueueAsync(OperatorOneDb db, OutboxWriter outbox, InvitationOutcome outcome, string link, string? inviter,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (outcome is not { Member: { } member, Invitation: { } invitation }
            || EmailConversations.Address(invitation.Email) is not { } address
            || await EmailConversations.MailboxAsync(db, cancellationToken) is not { } mailbox)
        {
            return false;
        }
        var organization = await db.Organizations.Where(o => o.Id == invitation.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var conversation = await EmailConversations.ForMemberAsync(db, invitation.OrganizationId, member.Id, member.DisplayName, address, mailbox, now,
            cancellationToken);
        var who = string.IsNullOrWhiteSpace(inviter) ? "You are" : $"{inviter} invited you";
        // The first line is the mail's subject; the rest is its body, with the link (absolute when the public address is known).
        outbox.Send(db, conversation, Activity.Message(
            $"{who} to join {organization} on OperatorOne\n\n"
            + $"You join as {member.Role.ToString().ToLowerInvariant()}. [Accept the invitation]({link}) to sign in to the web chat; "
            + $"the link works once, until {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC.\n\n"
            + "In Slack or Teams I recognise you when you write from the account with this address."));
        invitation.EmailedAt = now;
        return true;
    }
}
