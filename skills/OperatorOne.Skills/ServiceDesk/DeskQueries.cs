using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Data;
using OperatorOne.Data.ServiceDesk;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>A running ticket with its next unmet target.</summary>
internal sealed record DeskTicket(int Number, string Title, TicketPriority Priority, Guid? AssigneeId, Guid? QueueId, string Target, DateTimeOffset DueAt);

/// <summary>Queries the service desk tools share; row-level security already limits them to the caller's organization.</summary>
internal static class DeskQueries
{
    /// <summary>Open, unpaused tickets with an SLA, each with the first target it still has to meet.</summary>
    public static async Task<List<DeskTicket>> RunningAsync(OperatorOneDb db, IQueryable<Ticket> tickets, CancellationToken cancellationToken)
    {
        var rows = await (
            from t in tickets
            join s in db.TicketSlas on t.Id equals s.TicketId
            where s.PausedSince == null && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed
            select new { t.Number, t.Title, t.Priority, t.AssigneeId, s.QueueId, s.FirstRespondedAt, s.FirstResponseDueAt, s.ResolutionDueAt })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows
            .Select(r => r.FirstRespondedAt is null && r.FirstResponseDueAt is { } first
                ? new DeskTicket(r.Number, r.Title, r.Priority, r.AssigneeId, r.QueueId, SlaTargets.FirstResponse, first)
                : new DeskTicket(r.Number, r.Title, r.Priority, r.AssigneeId, r.QueueId, SlaTargets.Resolution, r.ResolutionDueAt ?? DateTimeOffset.MaxValue))
            .OrderBy(t => t.DueAt)
            .ToList();
    }

    public static string Line(DeskTicket ticket, DateTimeOffset now) => ticket.DueAt <= now
        ? $"#{ticket.Number} {ticket.Title} ({ticket.Priority.ToString().ToLowerInvariant()}): {SlaText.Target(ticket.Target)} breached {NaturalDurations.Say(now - ticket.DueAt)} ago"
        : $"#{ticket.Number} {ticket.Title} ({ticket.Priority.ToString().ToLowerInvariant()}): {SlaText.Target(ticket.Target)} due in {NaturalDurations.Say(ticket.DueAt - now)}";

    public static Task<SupportQueue?> FindQueueAsync(OperatorOneDb db, string name, CancellationToken cancellationToken)
    {
        // ILIKE without wildcards: a case-insensitive equality PostgreSQL evaluates, escaped so "_" and "%" stay literal.
        var wanted = QueueName(name).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        return db.SupportQueues.FirstOrDefaultAsync(q => EF.Functions.ILike(q.Name, wanted), cancellationToken);
    }

    /// <summary>"the IT queue", "queue IT", "IT" → "IT".</summary>
    public static string QueueName(string text)
    {
        var name = text.Trim().Trim('"', '\'');
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            name = name[4..];
        }
        if (name.EndsWith(" queue", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^6];
        }
        if (name.StartsWith("queue ", StringComparison.OrdinalIgnoreCase))
        {
            name = name[6..];
        }
        return name.Trim();
    }
}
