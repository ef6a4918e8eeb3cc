using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.WebChat;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// A conversation's activity log in PostgreSQL, the only state Direct Line needs: every replica appends here and
/// every stream reads from here. Appends lock the conversation row, so watermarks commit in order and a reader never
/// skips an activity that commits late; an insert NOTIFYs every replica's streams when it commits. Callers must have
/// scoped the context to the conversation's organization.
/// </summary>
internal sealed class DirectLineLog(OperatorOneDb db, TimeProvider clock, ConversationSignals signals)
{
    // The number the read of a conversation took for the id of an activity about to be posted there.
    private (string Conversation, long Number)? _reserved;

    /// <summary>
    /// The conversation, or null. The same statement takes the number a post's activity id needs (<see cref="NewIdAsync"/>):
    /// a post costs one round trip less, and a read that posts nothing leaves an unused number of a bigint sequence.
    /// </summary>
    public async Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<ConversationRow>($"""
            SELECT id AS "Id", organization_id AS "OrganizationId", site_id AS "SiteId", user_id AS "UserId", user_name AS "UserName",
                   last_sequence AS "LastSequence", created_at AS "CreatedAt", nextval('direct_line_activity_numbers') AS "Number"
              FROM direct_line_conversations WHERE id = {conversationId}
            """).ToListAsync(cancellationToken);
        if (rows is not [var row])
        {
            return null;
        }
        _reserved = (row.Id, row.Number);
        return row.ToConversation();
    }

    /// <summary>Starts the conversation; false when it already exists (a second start with the same token).</summary>
    public async Task<bool> StartAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        if (await db.DirectLineConversations.AnyAsync(c => c.Id == conversation.Id, cancellationToken))
        {
            return false;
        }
        conversation.CreatedAt = clock.GetUtcNow();
        db.DirectLineConversations.Add(conversation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another replica started it a moment ago with the same token.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A new activity id, <c>{conversationId}|0000007</c>: known before the activity is written, taken from no lock.</summary>
    public async Task<string> NewIdAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_reserved is { } reserved && reserved.Conversation == conversationId)
        {
            _reserved = null;
            return Id(conversationId, reserved.Number);
        }
        var number = await db.Database.SqlQuery<long>($"SELECT nextval('direct_line_activity_numbers') AS \"Value\"").SingleAsync(cancellationToken);
        return Id(conversationId, number);
    }

    /// <summary>
    /// The id of an activity the client posted with <paramref name="clientActivityId"/>: unique in the conversation as the
    /// client id is (the log keys entries by it), never the shape of a numbered id ("c-" is no digit), and taken from no
    /// store, so a post reads nothing before its turn.
    /// </summary>
    public static string ClientId(string conversationId, string clientActivityId) => $"{conversationId}|c-{clientActivityId}";

    private static string Id(string conversationId, long number) => $"{conversationId}|{number.ToString("D7", CultureInfo.InvariantCulture)}";

    /// <summary>The id of the activity the client posted as <paramref name="clientActivityId"/>, once it is in the log.</summary>
    public Task<string?> LoggedIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken) =>
        db.DirectLineActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.ClientActivityId == clientActivityId)
            .Select(a => a.ActivityId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Appends in a transaction of its own and wakes the streams; null when the conversation does not exist.</summary>
    public async Task<LoggedActivity?> AppendAsync(DirectLineConversation conversation, Activity activity, string? clientActivityId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var logged = await AppendInTransactionAsync(conversation, [(activity, clientActivityId)], cancellationToken);
        if (logged is null || logged[0].IsRepeat)
        {
            return logged?[0];
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Notify(conversation.Id);
        return logged[0];
    }

    /// <summary>
    /// Appends activities inside the caller's open transaction, giving each the next watermark and, unless it
    /// carries one already (an echo, a card update), a new id. An activity posted with a client id taken in before is not
    /// appended again; the earlier entry is returned instead. Null when the conversation does not exist. The conversation
    /// row stays locked until the caller commits.
    /// </summary>
    private async Task<IReadOnlyList<LoggedActivity>?> AppendInTransactionAsync(DirectLineConversation conversation,
        IReadOnlyList<(Activity Activity, string? ClientActivityId)> activities, CancellationToken cancellationToken)
    {
        var fresh = activities.Count(a => a.Activity.Id is null);
        // The lock, the watermarks and the ids in one statement. A repeat (checked under the lock) leaves its
        // watermark unused: readers take what is above their watermark, gaps included.
        var locked = await db.Database.SqlQuery<Reservation>($"""
            UPDATE direct_line_conversations SET last_sequence = last_sequence + {activities.Count} WHERE id = {conversation.Id}
            RETURNING last_sequence - {activities.Count} AS "Sequence",
                      ARRAY(SELECT nextval('direct_line_activity_numbers') FROM generate_series(1, {fresh})) AS "Numbers"
            """).ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return null;
        }
        var sequence = locked[0].Sequence;
        var numbers = new Queue<long>(locked[0].Numbers);
        var result = new List<LoggedActivity>();
        var now = Milliseconds(clock.GetUtcNow());
        foreach (var (activity, clientActivityId) in activities)
        {
            if (clientActivityId is not null && await db.DirectLineActivities.AsNoTracking()
                    .Where(a => a.ConversationId == conversation.Id && a.ClientActivityId == clientActivityId)
                    .Select(a => a.Activity).SingleOrDefaultAsync(cancellationToken) is { } earlier)
            {
                result.Add(new LoggedActivity(BotJson.Deserialize<Activity>(earlier), IsRepeat: true));
                continue;
            }
            sequence++;
            var logged = Stamped(activity, conversation.Id, activity.Id ?? Id(conversation.Id, numbers.Dequeue()), now);
            db.DirectLineActivities.Add(new DirectLineActivity
            {
                OrganizationId = conversation.OrganizationId,
                ConversationId = conversation.Id,
                Sequence = sequence,
                ActivityId = logged.Id!,
                ClientActivityId = clientActivityId,
                Activity = BotJson.Serialize(logged),
                CreatedAt = now,
            });
            result.Add(new LoggedActivity(logged, IsRepeat: false));
        }
        return result;
    }

    /// <summary>
    /// A turn's entries, inside its transaction: the person's message (when given) and then the replies, addressed to
    /// the conversation's user by <paramref name="address"/>. One statement locks the conversation row (held until the
    /// turn commits, so watermarks commit in order), takes the watermarks and ids, and inserts the message — which the
    /// unique client id skips when an earlier post already logged it (an accepted turn's acknowledgement, a re-post
    /// after a failed attempt): no read, and no race, since that insert runs under the lock. The replies are saved
    /// with the turn. Null when the conversation does not exist.
    /// </summary>
    public async Task<DirectLineConversation?> AppendTurnAsync(string conversationId, Activity? message, string? clientActivityId,
        int replyCount, Func<DirectLineConversation, IReadOnlyList<Activity>> address, CancellationToken cancellationToken)
    {
        var count = (message is null ? 0 : 1) + replyCount;
        var now = Milliseconds(clock.GetUtcNow());
        var logged = message is null ? null : Stamped(message, conversationId, message.Id!, now);
        var rows = await db.Database.SqlQuery<TurnReservation>($"""
            WITH locked AS (
              UPDATE direct_line_conversations SET last_sequence = last_sequence + {count} WHERE id = {conversationId}
              RETURNING id, organization_id, site_id, user_id, user_name, last_sequence, created_at),
            message AS (
              INSERT INTO direct_line_activities (organization_id, conversation_id, sequence, activity_id, client_activity_id, activity, created_at)
              SELECT organization_id, id, last_sequence - {count} + 1, {logged?.Id ?? ""}::text, {clientActivityId}::text, {(logged is null ? "{}" : BotJson.Serialize(logged))}::jsonb, {now}
                FROM locked WHERE {logged is not null}
              ON CONFLICT (conversation_id, client_activity_id) WHERE client_activity_id IS NOT NULL DO NOTHING)
            SELECT id AS "Id", organization_id AS "OrganizationId", site_id AS "SiteId", user_id AS "UserId", user_name AS "UserName",
                   last_sequence AS "LastSequence", created_at AS "CreatedAt",
                   ARRAY(SELECT nextval('direct_line_activity_numbers') FROM generate_series(1, {replyCount})) AS "Numbers"
              FROM locked
            """).ToListAsync(cancellationToken);
        if (rows is not [var row])
        {
            return null;
        }
        var conversation = row.ToConversation();
        var sequence = row.LastSequence - replyCount;
        var numbers = new Queue<long>(row.Numbers);
        foreach (var reply in address(conversation))
        {
            sequence++;
            var entry = Stamped(reply, conversationId, reply.Id ?? Id(conversationId, numbers.Dequeue()), now);
            db.DirectLineActivities.Add(new DirectLineActivity
            {
                OrganizationId = conversation.OrganizationId,
                ConversationId = conversationId,
                Sequence = sequence,
                ActivityId = entry.Id!,
                Activity = BotJson.Serialize(entry),
                CreatedAt = now,
            });
        }
        return conversation;
    }

    /// <summary>Milliseconds, as JavaScript dates have them: Web Chat orders activities by this timestamp.</summary>
    private static DateTimeOffset Milliseconds(DateTimeOffset now) => now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));

    private static Activity Stamped(Activity activity, string conversationId, string id, DateTimeOffset now) => activity with
    {
        Id = id,
        Timestamp = now,
        ChannelId = ChannelNames.WebChat,
        Conversation = new ConversationAccount { Id = conversationId },
    };

    /// <summary>
    /// Shows the bot typing while the turn for <paramref name="deliveryId"/> runs on. Checked under the conversation's
    /// lock, which the turn holds while it appends its replies: the typing lands before them, or, once the turn has
    /// committed, not at all.
    /// </summary>
    public async Task AppendTypingAsync(DirectLineConversation conversation, Activity typing, string deliveryId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database
            .SqlQuery<int>($"SELECT last_sequence AS \"Value\" FROM direct_line_conversations WHERE id = {conversation.Id} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (locked.Count == 0
            || await db.ProcessedDeliveries.AnyAsync(d => d.Channel == ChannelNames.WebChat && d.DeliveryId == deliveryId, cancellationToken))
        {
            return;
        }
        await AppendInTransactionAsync(conversation, [(typing, null)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Notify(conversation.Id);
    }

    /// <summary>Wakes streams on this replica at once, after a commit; the NOTIFY from the insert wakes the other replicas.</summary>
    public void Notify(string conversationId) => signals.Notify(conversationId);

    /// <summary>Activities after <paramref name="watermark"/> in order, at most <paramref name="limit"/>.</summary>
    public Task<List<LogEntry>> ReadAfterAsync(string conversationId, int watermark, int limit, CancellationToken cancellationToken) =>
        db.DirectLineActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > watermark)
            .OrderBy(a => a.Sequence)
            .Take(limit)
            .Select(a => new LogEntry(a.Sequence, a.Activity))
            .ToListAsync(cancellationToken);

    private sealed record Reservation(int Sequence, long[] Numbers);

    private sealed record ConversationRow(string Id, Guid OrganizationId, string SiteId, string UserId, string? UserName, int LastSequence,
        DateTimeOffset CreatedAt, long Number)
    {
        public DirectLineConversation ToConversation() => new()
        {
            Id = Id, OrganizationId = OrganizationId, SiteId = SiteId, UserId = UserId, UserName = UserName, LastSequence = LastSequence, CreatedAt = CreatedAt,
        };
    }

    private sealed record TurnReservation(string Id, Guid OrganizationId, string SiteId, string UserId, string? UserName, int LastSequence,
        DateTimeOffset CreatedAt, long[] Numbers)
    {
        public DirectLineConversation ToConversation() => new()
        {
            Id = Id, OrganizationId = OrganizationId, SiteId = SiteId, UserId = UserId, UserName = UserName, LastSequence = LastSequence, CreatedAt = CreatedAt,
        };
    }
}

/// <summary>An appended activity as clients receive it; <see cref="IsRepeat"/> when it was taken in by an earlier post.</summary>
internal sealed record LoggedActivity(Activity Activity, bool IsRepeat);

/// <summary>One log entry: its watermark and the activity's raw JSON.</summary>
internal sealed record LogEntry(int Watermark, string Activity);
