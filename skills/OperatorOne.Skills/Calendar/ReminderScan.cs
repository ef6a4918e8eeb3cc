using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// Reminds each attendee who accepted or has not answered yet, <see cref="CalendarOptions.ReminderLead"/> before an event
/// starts, in their latest conversation. Each reminder is claimed by inserting its <c>event_reminders</c> row
/// ON CONFLICT DO NOTHING in the same transaction as its outbox message: when replicas scan at once, the loser's
/// insert waits for the winner's commit and then does nothing, so every (event, attendee, start) is reminded once.
/// The clock is the injected <see cref="TimeProvider"/>, so tests move time.
/// </summary>
internal sealed class ReminderScan(IServiceScopeFactory scopes, TimeProvider clock, WorkSignal signal, IOptions<CalendarOptions> options) : IPeriodicJob
{
    public string Name => "calendar-reminders";

    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) => await ScanAsync(cancellationToken);

    /// <summary>Scans every organization as of the clock's now; returns how many reminders this call claimed.</summary>
    internal async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Guid> organizations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
            organizations = await db.Database.SqlQuery<Guid>($"SELECT op_organization_ids AS \"Value\" FROM op_organization_ids()").ToListAsync(cancellationToken);
        }
        var claimed = 0;
        foreach (var organizationId in organizations)
        {
            claimed += await ScanAsync(organizationId, now, cancellationToken);
        }
        if (claimed > 0)
        {
            signal.Notify(OutboxWork.QueueName);
        }
        return claimed;
    }

    private async Task<int> ScanAsync(Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var horizon = now + options.Value.ReminderLead;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await (
            from a in db.EventAttendees
            join e in db.CalendarEvents on a.EventId equals e.Id
            join m in db.Members on a.MemberId equals m.Id
            where e.CancelledAt == null && e.StartsAt > now && e.StartsAt <= horizon && m.IsActive
            where a.Response == RsvpResponse.Accepted || a.Response == RsvpResponse.Pending
            where !db.EventReminders.Any(r => r.EventId == e.Id && r.MemberId == a.MemberId && r.StartsAt == e.StartsAt)
            select new { Event = e, a.MemberId, Zone = m.TimeZone ?? db.Organizations.Where(o => o.Id == organizationId).Select(o => o.TimeZone).First() })
            .AsNoTracking().ToListAsync(cancellationToken);
        var claimed = 0;
        foreach (var item in due)
        {
            if (!await ClaimAsync(db, organizationId, item.Event, item.MemberId, now, cancellationToken))
            {
                continue;
            }
            claimed++;
            var zone = NaturalDates.Zone(item.Zone);
            var minutes = Math.Max(1, (int)Math.Round((item.Event.StartsAt - now).TotalMinutes));
            var text = $"Reminder: #{item.Event.Number} {item.Event.Title} starts in {minutes} minute{(minutes == 1 ? "" : "s")} ({CalendarText.Span(item.Event, zone)}).";
            foreach (var conversation in await NoticeConversations.ForMembersAsync(db, [item.MemberId], now, cancellationToken))
            {
                outbox.Send(db, conversation, Activity.Message(text));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    private static async Task<bool> ClaimAsync(OperatorOneDb db, Guid organizationId, CalendarEvent e, Guid memberId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO event_reminders (id, organization_id, event_id, member_id, starts_at, created_at)
            VALUES ({Guid.NewGuid()}, {organizationId}, {e.Id}, {memberId}, {e.StartsAt}, {now})
            ON CONFLICT (event_id, member_id, starts_at) DO NOTHING
            """, cancellationToken) == 1;
}
