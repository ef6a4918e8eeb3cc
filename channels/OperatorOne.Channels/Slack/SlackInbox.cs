using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Data;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Verified Slack work waiting for a worker, in PostgreSQL (slack_inbox): written before Slack gets its 200, so an
/// acknowledged request survives a crash and any replica can run it. A retry with the same event_id or trigger_id
/// is not stored again. Slash commands waiting for their inline answer are registered here, in this replica only.
/// </summary>
internal sealed class SlackInbox(IServiceScopeFactory scopes) : IDisposable
{
    /// <summary>
    /// The payload of a row that has run (done or given up): the raw message, which may hold a PIN typed in chat, is
    /// needed only to run it. A retry is recognised by (team_id, delivery_id), so nothing else reads it afterwards.
    /// </summary>
    public const string Spent = "{}";

    private readonly OutboxSignal _signal = new();
    private readonly ConcurrentDictionary<string, InlineAnswer> _waiting = new(StringComparer.Ordinal);

    /// <summary>Stores the work for the organization; false when the same delivery was stored before (a retry).</summary>
    public async Task<bool> AddAsync(Guid organizationId, SlackWork work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var payload = BotJson.Serialize(work);
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO slack_inbox (organization_id, team_id, delivery_id, payload, status, attempts, next_attempt_at, created_at)
            VALUES ({organizationId}, {work.TeamId}, {work.Turn.DeliveryId}, {payload}::jsonb, 'Pending', 0, now(), now())
            ON CONFLICT (team_id, delivery_id) DO NOTHING
            """, cancellationToken);
        if (inserted > 0)
        {
            _signal.Notify();
        }
        return inserted > 0;
    }

    /// <summary>Lets this replica's worker hand a slash command's answer to the request still waiting for it.</summary>
    public IDisposable AwaitInline(SlackWork work, InlineAnswer answer)
    {
        var key = Key(work);
        _waiting[key] = answer;
        return new Registration(() => _waiting.TryRemove(KeyValuePair.Create(key, answer)));
    }

    /// <summary>The stored work with its waiting inline answer attached, when the request is waiting in this replica.</summary>
    public SlackWork Read(string payload)
    {
        var work = BotJson.Deserialize<SlackWork>(payload);
        return _waiting.TryGetValue(Key(work), out var inline) ? work with { Inline = inline } : work;
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();

    private static string Key(SlackWork work) => $"{work.TeamId}/{work.Turn.DeliveryId}";

    private sealed class Registration(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
