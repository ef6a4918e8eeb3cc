using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Data;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>
/// Finds tickets past 80 % or 100 % of a target and tells the assignee (or queue) through the outbox. Each
/// announcement is claimed by inserting its <c>sla_notices</c> row ON CONFLICT DO NOTHING in the same transaction as
/// its outbox messages: when replicas scan at once, the loser's insert waits for the winner's commit and then does
/// nothing, so every (ticket, target, threshold) is announced exactly once.
/// </summary>
internal sealed class SlaScan(IServiceScopeFactory scopes, TimeProvider clock, WorkSignal signal) : IPeriodicJob
{
    public string Name => "sla-scan";

    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) => await ScanAsync(clock.GetUtcNow(), cancellationToken);

    /// <summary>Scans every organization as of <paramref name="now"/>; returns how many notices this call claimed.</summary>
    internal async Task<int> ScanAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var due = await (
            from s in db.TicketSlas
            join t in db.Tickets on s.TicketId equals t.Id
            where s.PausedSince == null && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed
            where (s.FirstRespondedAt == null && s.FirstResponseWarnAt <= now) || s.ResolutionWarnAt <= now
            select new { t.Id, t.Number, t.Title, t.AssigneeId, Sla = s })
            .AsNoTracking().ToListAsync(cancellationToken);
        var claimed = 0;
        foreach (var ticket in due)
        {
            var crossings = SlaCrossing.Find(SlaTargets.Resolution, ticket.Sla.ResolutionWarnAt, ticket.Sla.ResolutionDueAt, now);
            if (ticket.Sla.FirstRespondedAt is null)
            {
                crossings = SlaCrossing.Find(SlaTargets.FirstResponse, ticket.Sla.FirstResponseWarnAt, ticket.Sla.FirstResponseDueAt, now).Concat(crossings);
            }
            foreach (var crossing in crossings)
            {
                if (!await ClaimAsync(db, organizationId, ticket.Id, crossing, now, cancellationToken))
                {
                    continue;
                }
                claimed++;
                if (crossing.Threshold == SlaTargets.Breach)
                {
                    await IntegrationEvents.SlaBreachedAsync(db, organizationId, ticket.Id, ticket.Number, ticket.Title, crossing.Target, now, cancellationToken);
                }
                if (!crossing.Announce)
                {
                    continue;
                }
                var members = await Recipients.ForTicketAsync(db, ticket.AssigneeId, ticket.Sla.QueueId, cancellationToken);
                // Each reader sees the due time on their own clock.
                var zones = await MemberZones.OfAsync(db, members, cancellationToken);
                foreach (var conversation in await NoticeConversations.ForMembersAsync(db, members, now, cancellationToken))
                {
                    var zone = conversation.MemberId is { } member ? zones.GetValueOrDefault(member) : null;
                    outbox.Send(db, conversation, Activity.Message(crossing.Message(ticket.Number, ticket.Title, zone)));
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    private static async Task<bool> ClaimAsync(OperatorOneDb db, Guid organizationId, Guid ticketId, SlaCrossing crossing, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sla_notices (id, organization_id, ticket_id, target, threshold, created_at)
            VALUES ({Guid.NewGuid()}, {organizationId}, {ticketId}, {crossing.Target}, {crossing.Threshold}, {now})
            ON CONFLICT (ticket_id, target, threshold) DO NOTHING
            """, cancellationToken) == 1;
}
