using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Notices;

/// <summary>
/// How mail conversations are named, shared by the core (notices to a member's address) and the email channel: the
/// external id is "{sender}|{thread root Message-ID}", so each sender has their own conversation per thread and a
/// mail from someone else can never repoint a conversation's address. A member's notices use the root "notices",
/// which no Message-ID can be (it has no '@').
/// </summary>
public static class EmailConversations
{
    public const string NoticesRoot = "notices";
    private const char Separator = '|';

    public static string ExternalId(string sender, string root) => $"{sender}{Separator}{root}";

    /// <summary>The sender and thread root of an email conversation's external id.</summary>
    public static (string Sender, string Root) Split(string externalId)
    {
        var at = externalId.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? (externalId, "") : (externalId[..at], externalId[(at + 1)..]);
    }

    /// <summary>An address fit to send to, lower-cased; null for anything with spaces, line breaks or no '@'.</summary>
    public static string? Address(string? email)
    {
        var address = email?.Trim().ToLowerInvariant();
        return address is { Length: > 2 and <= 254 } && address.IndexOf('@', StringComparison.Ordinal) > 0 && !address.EndsWith('@')
            && !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is Separator or '<' or '>' or ',' or ';')
            ? address : null;
    }

    /// <summary>The organization's support mailbox (its first proven email installation), which notices are sent from; null when email is off for it.</summary>
    public static Task<string?> MailboxAsync(OperatorOneDb db, CancellationToken cancellationToken) =>
        db.ChannelInstallations.Where(i => i.Channel == ChannelNames.Email && i.RevokedAt == null && i.VerifiedAt != null)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.ExternalId).Select(i => i.ExternalId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The member's notice conversation at this address, added to <paramref name="db"/> when it does not exist yet.</summary>
    public static async Task<Conversation> ForMemberAsync(OperatorOneDb db, Guid organizationId, Guid memberId, string? name, string address, string mailbox,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var externalId = ExternalId(address, NoticesRoot);
        var conversation = db.Conversations.Local.FirstOrDefault(c => c.Channel == ChannelNames.Email && c.ExternalId == externalId)
            ?? await db.Conversations.FirstOrDefaultAsync(c => c.Channel == ChannelNames.Email && c.ExternalId == externalId, cancellationToken);
        if (conversation is not null)
        {
            return conversation;
        }
        var reference = new ConversationReference
        {
            ChannelId = ChannelNames.Email,
            Conversation = new ConversationAccount { Id = externalId },
            Bot = new ChannelAccount { Id = mailbox },
            User = new ChannelAccount { Id = address, Name = name },
        };
        return Channels.ProactiveConversation.Add(db, organizationId, memberId, reference, now);
    }
}
