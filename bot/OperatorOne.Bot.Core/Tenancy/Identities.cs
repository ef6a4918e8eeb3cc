using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Core.Tenancy;

/// <summary>Resolves a verified channel identity to a member, or to a guest when nobody is linked.</summary>
public static class Identities
{
    public static async Task<Caller> ResolveAsync(OperatorOneDb db, string channel, string channelUserId, string? name, CancellationToken cancellationToken)
    {
        var members = db.Members.Where(m => m.IsActive);
        var linked = channel == ChannelNames.Email
            ? await ByAddressAsync(members, channelUserId, cancellationToken) is { } id ? members.Where(m => m.Id == id) : null
            : members.Where(m => db.ChannelIdentities.Any(i => i.MemberId == m.Id && i.Channel == channel && i.ExternalId == channelUserId));
        // The member and their zone in one read.
        var member = linked is null ? null : await linked
            // A member without a time zone of their own lives in the organization's.
            .Select(m => new { Member = m, Zone = m.TimeZone ?? db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.TimeZone).First() })
            .FirstOrDefaultAsync(cancellationToken);
        return member is null
            ? Caller.Guest(channel, channelUserId, name)
            : new Caller(member.Member.Id, member.Member.DisplayName, member.Member.Role, channel, channelUserId) { TimeZone = member.Zone };
    }

    /// <summary>
    /// A mail sender is the member an admin gave that address. The email channel passes a bare address only when the
    /// receiving server's DKIM/DMARC verdict vouches for it; two members sharing an address are told apart by neither.
    /// </summary>
    private static async Task<Guid?> ByAddressAsync(IQueryable<Member> members, string address, CancellationToken cancellationToken)
    {
        // Case-insensitive and literal: the address's own '_' or '%' must not act as wildcards.
        var pattern = address.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        var ids = await members.Where(m => m.Email != null && EF.Functions.ILike(m.Email, pattern, @"\")).Select(m => m.Id).Take(2).ToListAsync(cancellationToken);
        return ids is [var id] ? id : null;
    }
}
