using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Data;
using OperatorOne.Data.WebChat;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// A conversation's activity log in PostgreSQL, the only state Direct Line needs: every replica appends here and
/// every stream reads from here. Appends lock the conversation row, so watermarks commit in order and a reader
/// never skips an activity that commits late. Callers must have scoped the context to the conversation's organization.
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

    /// <summary>
    /// Appends an activity, giving it the next watermark and, unless it carries one already (a card update),
    /// the id <c>{conversationId}|0000007</c>. A posted activity whose client id was taken in before is not
    /// appended again; the earlier entry is returned instead. Null when the conversation does not exist.
    /// </summary>
    public async Task<LoggedActivity?> AppendAsync(DirectLineConversation conversation, Activity activity, string? clientActivityId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var logged = await AppendInTransactionAsync(conversation, activity, clientActivityId, cancellationToken);
        if (logged is null || logged.IsRepeat)
        {
            return logged;
        }
        await transaction.CommitAsync(cancellationToken);
        Notify(conversation.Id);
        return logged;
    }

    /// <summary>
    /// The same inside the caller's open transaction (a turn's), so the entry commits with it or not at all. The
    /// caller commits and then calls <see cref="Notify"/>; until then the conversation row stays locked.
    /// </summary>
    public async Task<LoggedActivity?> AppendInTransactionAsync(DirectLineConversation conversation, Activity activity, string? clientActivityId, CancellationToken cancellationToken)
    {
        var locked = await db.Database
            .SqlQuery<int>($"SELECT last_sequence AS \"Value\" FROM direct_line_conversations WHERE id = {conversation.Id} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return null;
        }
        if (clientActivityId is not null)
        {
            var earlier = await db.DirectLineActivities.AsNoTracking()
                .Where(a => a.ConversationId == conversation.Id && a.ClientActivityId == clientActivityId)
                .Select(a => new { a.ActivityId, a.Activity })
                .SingleOrDefaultAsync(cancellationToken);
            if (earlier is not null)
            {
                return new LoggedActivity(BotJson.Deserialize<Activity>(earlier.Activity), IsRepeat: true);
            }
        }
        var sequence = locked[0] + 1;
        // Milliseconds, as JavaScript dates have them: Web Chat orders activities by this timestamp.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var activityId = activity.Id ?? $"{conversation.Id}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";
        var logged = activity with
        {
            Id = activityId,
            Timestamp = now,
            ChannelId = ChannelNames.WebChat,
            Conversation = new ConversationAccount { Id = conversation.Id },
        };
        var entry = db.DirectLineActivities.Add(new DirectLineActivity
        {
            OrganizationId = conversation.OrganizationId,
            ConversationId = conversation.Id,
            Sequence = sequence,
            ActivityId = activityId,
            ClientActivityId = clientActivityId,
            Activity = BotJson.Serialize(logged),
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        // Only this entry leaves the tracker: a turn's own tracked rows in the same context stay as they are.
        entry.State = EntityState.Detached;
        await db.Database.ExecuteSqlAsync($"UPDATE direct_line_conversations SET last_sequence = {sequence} WHERE id = {conversation.Id}", cancellationToken);
        return new LoggedActivity(logged, IsRepeat: false);
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
        await AppendInTransactionAsync(conversation, typing, clientActivityId: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Notify(conversation.Id);
    }

    /// <summary>
    /// Wakes streams on this replica at once, after a commit; the NOTIFY from the insert wakes the other replicas.
    /// </summary>
    public void Notify(string conversationId) => signals.Notify(conversationId);

    /// <summary>Activities after <paramref name="watermark"/> in order, at most <paramref name="limit"/>.</summary>
    public Task<List<LogEntry>> ReadAfterAsync(string conversationId, int watermark, int limit, CancellationToken cancellationToken) =>
        db.DirectLineActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > watermark)
            .OrderBy(a => a.Sequence)
            .Take(limit)
            .Select(a => new LogEntry(a.Sequence, a.Activity))
            .ToListAsync(cancellationToken);
}

/// <summary>An appended activity as clients receive it; <see cref="IsRepeat"/> when it was taken in by an earlier post.</summary>
internal sealed record LoggedActivity(Activity Activity, bool IsRepeat);

/// <summary>One log entry: its watermark and the activity's raw JSON.</summary>
internal sealed record LogEntry(int Watermark, string Activity);
