using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>Who hears about a ticket, and where: the assignee, else the queue's members, else the admins.</summary>
internal static class Recipients
{
    public static async Task<List<Guid>> ForTicketAsync(OperatorOneDb db, Guid? assigneeId, Guid? queueId, CancellationToken cancellationToken)
    {
        if (assigneeId is { } assignee)
        {
            return [assignee];
        }
        if (queueId is { } queue)
        {
            var members = await QueueMembersAsync(db, queue, cancellationToken);
            if (members.Count > 0)
            {
                return members;
            }
        }
        // Listed by name, not compared in SQL: roles are stored as text, where "Viewer" > "Admin".
        return await db.Members.Where(m => m.IsActive && (m.Role == MemberRole.Admin || m.Role == MemberRole.Owner))
            .Select(m => m.Id).ToListAsync(cancellationToken);
    }

    public static Task<List<Guid>> QueueMembersAsync(OperatorOneDb db, Guid queueId, CancellationToken cancellationToken) =>
        db.QueueMembers
            .Where(q => q.QueueId == queueId && db.Members.Any(m => m.Id == q.MemberId && m.IsActive))
            .Select(q => q.MemberId)
            .ToListAsync(cancellationToken);
}
