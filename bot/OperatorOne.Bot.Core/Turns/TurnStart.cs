using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// What the turn's first statement in its transaction found: the caller, the conversation (locked), and the version of the
/// organization's own tools (ids and row versions) for <see cref="ToolRegistry"/>'s cache.
/// </summary>
internal sealed record StartedTurn(Caller Caller, Conversation Conversation, string ToolsVersion);

/// <summary>
/// The turn's first statement in its transaction, one round trip: inserts the delivery id (<c>ON CONFLICT DO NOTHING</c>),
/// and only when that inserted a row resolves the caller, acts for them on the connection (<c>app.member_id</c>: member-scoped
/// policies such as document visibility admit what they may see), creates or refreshes the conversation row — two first
/// messages of a new conversation racing both get the one row, and the row stays locked until the turn commits, so one
/// conversation's turns run in order — and reads the version of the organization's own tools. Null when the delivery was
/// processed already (a retry waits here for the first one to commit). What the turn reads after the conversation's lock
/// (its open dialog) must be read by a later statement: this one's snapshot predates the lock.
/// </summary>
internal static class TurnStart
{
    public static async Task<StartedTurn?> StartAsync(OperatorOneDb db, Guid organizationId, InboundTurn turn, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // The service URL and ids can change; the freshest reference is the one that works.
        var reference = BotJson.Serialize(turn.Reference);
        var rows = await db.Database.SqlQuery<Started>($"""
            WITH delivered AS (
              INSERT INTO processed_deliveries (organization_id, channel, delivery_id, received_at)
              VALUES ({organizationId}, {turn.Channel}, {turn.DeliveryId}, {now})
              ON CONFLICT DO NOTHING RETURNING 1),
            caller AS (
              SELECT m.id, m.display_name, m.role, m.zone
                FROM delivered LEFT JOIN LATERAL (
                  SELECT m.id, m.display_name, m.role, coalesce(m.time_zone, o.time_zone) AS zone
                    FROM members m JOIN organizations o ON o.id = m.organization_id
                   WHERE m.is_active AND {turn.Channel} <> {ChannelNames.Email}
                     AND EXISTS (SELECT 1 FROM channel_identities i
                                  WHERE i.member_id = m.id AND i.channel = {turn.Channel} AND i.external_id = {turn.ChannelUserId})
                   LIMIT 1) m ON true),
            conversation AS (
              INSERT INTO conversations (id, organization_id, channel, external_id, member_id, reference, is_stale, summary, summary_through_message_id, created_at, last_activity_at)
              SELECT {Guid.NewGuid()}, {organizationId}, {turn.Channel}, {turn.Reference.Conversation.Id}, CASE WHEN {turn.IsPersonal} THEN caller.id END,
                     {reference}::jsonb, false, '', 0, {now}, {now}
                FROM caller
              ON CONFLICT (organization_id, channel, external_id) DO UPDATE
                 SET member_id = excluded.member_id, reference = excluded.reference, is_stale = false, last_activity_at = excluded.last_activity_at
              RETURNING id, member_id, summary, summary_through_message_id, created_at)
            SELECT caller.id AS "MemberId", caller.display_name AS "DisplayName", caller.role AS "Role", caller.zone AS "TimeZone",
                   set_config('app.member_id', coalesce(caller.id::text, ''), false) AS "Acting",
                   c.id AS "ConversationId", c.member_id AS "ConversationMemberId", c.summary AS "Summary",
                   c.summary_through_message_id AS "SummaryThroughMessageId", c.created_at AS "CreatedAt",
                   (SELECT coalesce(string_agg(t.id::text || ':' || t.xmin::text, ',' ORDER BY t.id), '')
                      FROM custom_tools t WHERE t.is_enabled) AS "ToolsVersion"
              FROM caller CROSS JOIN conversation c
            """).ToListAsync(cancellationToken);
        if (rows is not [var row])
        {
            return null;
        }
        db.ActingOnConnection(row.MemberId);
        var conversation = new Conversation
        {
            Id = row.ConversationId,
            OrganizationId = organizationId,
            Channel = turn.Channel,
            ExternalId = turn.Reference.Conversation.Id,
            MemberId = row.ConversationMemberId,
            Reference = reference,
            IsStale = false,
            Summary = row.Summary,
            SummaryThroughMessageId = row.SummaryThroughMessageId,
            CreatedAt = row.CreatedAt,
            LastActivityAt = now,
        };
        db.Conversations.Attach(conversation);
        Caller caller;
        if (turn.Channel == ChannelNames.Email)
        {
            // Mail is matched by address, not by a linked identity; the conversation is the mailer's when personal.
            caller = await Identities.ResolveAsync(db, turn.Channel, turn.ChannelUserId, turn.UserName, cancellationToken);
            await db.UseMemberAsync(caller.MemberId, cancellationToken);
            if (turn.IsPersonal)
            {
                conversation.MemberId = caller.MemberId;
            }
        }
        else
        {
            caller = row.MemberId is { } memberId
                ? new Caller(memberId, row.DisplayName!, Enum.Parse<MemberRole>(row.Role!), turn.Channel, turn.ChannelUserId) { TimeZone = row.TimeZone! }
                : Caller.Guest(turn.Channel, turn.ChannelUserId, turn.UserName);
        }
        return new StartedTurn(caller, conversation, row.ToolsVersion);
    }

    private sealed record Started(Guid? MemberId, string? DisplayName, string? Role, string? TimeZone, string Acting, Guid ConversationId,
        Guid? ConversationMemberId, string Summary, long SummaryThroughMessageId, DateTimeOffset CreatedAt, string ToolsVersion);
}
