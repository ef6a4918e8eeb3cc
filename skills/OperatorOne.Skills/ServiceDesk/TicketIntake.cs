using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Tickets;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>What happens to a ticket as it is opened: triage suggests a category and priority, and its SLA clock starts.</summary>
internal static class TicketIntake
{
    /// <summary>Applies the suggestion where the requester left it open (no category; a lower priority) and returns a sentence saying so.</summary>
    public static async Task<string> TriageAndStartAsync(OperatorOneDb db, Ticket ticket, TimeZoneInfo readerZone, CancellationToken cancellationToken)
    {
        var categories = await db.TicketCategories.AsNoTracking()
            .Select(c => new CategoryKeywords(c.Name, c.QueueId, c.Keywords))
            .ToListAsync(cancellationToken);
        var rules = await db.PriorityRules.AsNoTracking()
            .Select(r => new PriorityKeyword(r.Keyword, r.Priority))
            .ToListAsync(cancellationToken);
        var suggestion = Triage.Suggest($"{ticket.Title} {ticket.Description}", categories, rules);

        var applied = new List<string>();
        Guid? queueId = null;
        if (ticket.Category is null && suggestion.Category is not null)
        {
            ticket.Category = suggestion.Category;
            applied.Add($"category {suggestion.Category}");
        }
        if (ticket.Category is { } category)
        {
            queueId = categories.FirstOrDefault(c => string.Equals(c.Name, category, StringComparison.OrdinalIgnoreCase))?.QueueId;
        }
        if (suggestion.Priority is { } priority && priority > ticket.Priority)
        {
            ticket.Priority = priority;
            applied.Add($"{TicketText.Word(priority)} priority");
        }
        var sla = await ServiceLevels.StartAsync(db, ticket, queueId, cancellationToken);

        var triage = applied.Count == 0 ? ""
            : $" Triage suggests {string.Join(" and ", applied)} (it mentions {string.Join(", ", suggestion.Reasons.Select(r => $"\"{r}\""))}); I've applied that — say \"escalate {ticket.Number}\" to raise it further.";
        var due = sla.ResolutionDueAt is { } at ? $" Resolution is due by {SlaText.When(at, readerZone)}." : "";
        return triage + due;
    }
}
