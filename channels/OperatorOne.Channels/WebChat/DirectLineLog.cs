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
    public Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        db.DirectLineConversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);

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
        var number = await db.Database.SqlQuery<long>($"SELECT nextval('direct_line_activity_numbers') AS \"Value\"").SingleAsync(cancellationToken);
        return Id(conversationId, number);
    }

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
    /// Appends activities inside the caller's open transaction (a turn's), giving each the next watermark and, unless it
    /// carries one already (an echo, a card update), a new id. An activity posted with a client id taken in before is not
    /// appended again; the earlier entry is returned instead. Null when the conversation does not exist. The conversation
    /// row stays locked until the caller commits.
    /// </summary>
    public async Task<IReadOnlyList<LoggedActivity>?> AppendInTransactionAsync(DirectLineConversation conversation,
        IReadOnlyList<(Activity Activity, string? ClientActivityId)> activities, CancellationToken cancellationToken)
    {
        var fresh = activities.Count(a => a.Activity.Id is null);
        var locked = await db.Database.SqlQuery<Reservation>($"""
            SELECT last_sequence AS "Sequence",
                   ARRAY(SELECT nextval('direct_line_activity_numbers') FROM generate_series(1, {fresh})) AS "Numbers"
              FROM direct_line_conversations WHERE id = {conversation.Id} FOR UPDATE
            """).ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return null;
        }
        var sequence = locked[0].Sequence;
        var numbers = new Queue<long>(locked[0].Numbers);
        var result = new List<LoggedActivity>();
        // Milliseconds, as JavaScript dates have them: Web Chat orders activities by this timestamp.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
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
            var logged = activity with
            {
                Id = activity.Id ?? Id(conversation.Id, numbers.Dequeue()),
                Timestamp = now,
                ChannelId = ChannelNames.WebChat,
                Conversation = new ConversationAccount { Id = conversation.Id },
            };
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
        if (result.Any(r => !r.IsRepeat))
        {
            await db.Database.ExecuteSqlAsync($"UPDATE direct_line_conversations SET last_sequence = {sequence} WHERE id = {conversation.Id}", cancellationToken);
        }
        return result;
    }

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
}

/// <summary>An appended activity as clients receive it; <see cref="IsRepeat"/> when it was taken in by an earlier post.</summary>
internal sealed record LoggedActivity(Activity Activity, bool IsRepeat);

/// <summary>One log entry: its watermark and the activity's raw JSON.</summary>
internal sealed record LogEntry(int Watermark, string Activity);
