using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Core.Notices;

/// <summary>
/// Where members hear about things, as each prefers: their chats (the most recent reachable conversation per channel),
/// their email address, or both. A member who prefers chat but has no reachable chat gets email; one who prefers email
/// but has no address (or whose organization has no mailbox) gets their chats.
/// </summary>
public static class NoticeConversations
{
    /// <summary>The same, in the organization the store is scoped to.</summary>
    public static Task<List<Conversation>> ForMembersAsync(OperatorOneDb db, IReadOnlyCollection<Guid> members, DateTimeOffset now, CancellationToken cancellationToken) =>
        ForMembersAsync(db, db.Scope.OrganizationId ?? throw new InvalidOperationException("Choose the organization first."), members, now, cancellationToken);

    public static async Task<List<Conversation>> ForMembersAsync(OperatorOneDb db, Guid organizationId, IReadOnlyCollection<Guid> members, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (members.Count == 0)
        {
            return [];
        }
        var people = await db.Members.AsNoTracking().Where(m => members.Contains(m.Id) && m.IsActive)
            .Select(m => new { m.Id, m.DisplayName, m.Email, m.NotifyBy }).ToListAsync(cancellationToken);
        var chats = (await db.Conversations
                .Where(c => c.MemberId != null && members.Contains(c.MemberId.Value) && !c.IsStale && c.Channel != ChannelNames.Email)
                .ToListAsync(cancellationToken))
            .GroupBy(c => (c.MemberId, c.Channel))
            .Select(g => g.OrderByDescending(c => c.LastActivityAt).First())
            .ToList();
        var mailbox = people.Any(p => p.Email is not null) ? await EmailConversations.MailboxAsync(db, cancellationToken) : null;
        var targets = new List<Conversation>();
        foreach (var person in people)
        {
            var own = chats.Where(c => c.MemberId == person.Id).ToList();
            var address = mailbox is null ? null : EmailConversations.Address(person.Email);
            if (person.NotifyBy != NoticePreference.Email || address is null)
            {
                targets.AddRange(own);
            }
            if (address is not null && (person.NotifyBy != NoticePreference.Chat || own.Count == 0))
            {
                targets.Add(await EmailConversations.ForMemberAsync(db, organizationId, person.Id, person.DisplayName, address, mailbox!, now, cancellationToken));
            }
        }
        return targets;
    }
}
