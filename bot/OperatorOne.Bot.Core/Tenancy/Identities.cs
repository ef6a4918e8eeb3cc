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
    /// The turn's first statement in its transaction: inserts the delivery id (<c>ON CONFLICT DO NOTHING</c>), and only
    /// when that inserted a row, resolves the caller and acts for them on the connection (<c>app.member_id</c>), in one
    /// round trip. Null when the delivery was processed already (a retry waits here for the first one to commit). Mail
    /// is matched by address, which <see cref="ResolveAsync"/> does; every other channel by its linked identity.
    /// </summary>
    public static async Task<Caller?> FirstDeliveryAsync(OperatorOneDb db, Guid organizationId, string channel, string deliveryId,
        string channelUserId, string? name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<DeliveredCaller>($"""
            WITH delivered AS (
              INSERT INTO processed_deliveries (organization_id, channel, delivery_id, received_at)
              VALUES ({organizationId}, {channel}, {deliveryId}, {now})
              ON CONFLICT DO NOTHING RETURNING 1)
            SELECT m.id AS "MemberId", m.display_name AS "DisplayName", m.role AS "Role", m.zone AS "TimeZone",
                   set_config('app.member_id', coalesce(m.id::text, ''), false) AS "Acting"
              FROM delivered LEFT JOIN LATERAL (
                SELECT m.id, m.display_name, m.role, coalesce(m.time_zone, o.time_zone) AS zone
                  FROM members m JOIN organizations o ON o.id = m.organization_id
                 WHERE m.is_active AND {channel} <> {ChannelNames.Email}
                   AND EXISTS (SELECT 1 FROM channel_identities i WHERE i.member_id = m.id AND i.channel = {channel} AND i.external_id = {channelUserId})
                 LIMIT 1) m ON true
            """).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }
        var row = rows[0];
        db.ActingOnConnection(row.MemberId);
        if (channel == ChannelNames.Email)
        {
            var mailer = await ResolveAsync(db, channel, channelUserId, name, cancellationToken);
            await db.UseMemberAsync(mailer.MemberId, cancellationToken);
            return mailer;
        }
        return row.MemberId is { } memberId
            ? new Caller(memberId, row.DisplayName!, Enum.Parse<MemberRole>(row.Role!), channel, channelUserId) { TimeZone = row.TimeZone! }
            : Caller.Guest(channel, channelUserId, name);
    }

    private sealed record DeliveredCaller(Guid? MemberId, string? DisplayName, string? Role, string? TimeZone, string Acting);

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
