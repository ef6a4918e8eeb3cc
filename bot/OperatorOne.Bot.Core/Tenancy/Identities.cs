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
            .FirstOrDefaultAsync(cancellationToken);
        return member is null
            ? Caller.Guest(channel, channelUserId, name)
            : new Caller(member.Id, member.DisplayName, member.Role, channel, channelUserId) { TimeZone = member.TimeZone };
    }
}
