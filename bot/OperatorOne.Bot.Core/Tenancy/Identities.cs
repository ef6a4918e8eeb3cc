using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Tenancy;

/// <summary>Resolves a verified channel identity to a member, or to a guest when nobody is linked.</summary>
public static class Identities
{
    public static async Task<Caller> ResolveAsync(OperatorOneDb db, string channel, string channelUserId, string? name, CancellationToken cancellationToken)
    {
        var member = await db.ChannelIdentities
            .Where(i => i.Channel == channel && i.ExternalId == channelUserId)
            .Join(db.Members, i => i.MemberId, m => m.Id, (_, m) => m)
            .Where(m => m.IsActive)
            // A member without a time zone of their own lives in the organization's.
            .Select(m => new { Member = m, Zone = m.TimeZone ?? db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.TimeZone).First() })
            .FirstOrDefaultAsync(cancellationToken);
        return member is null
            ? Caller.Guest(channel, channelUserId, name)
            : new Caller(member.Member.Id, member.Member.DisplayName, member.Member.Role, channel, channelUserId) { TimeZone = member.Zone };
    }
}
