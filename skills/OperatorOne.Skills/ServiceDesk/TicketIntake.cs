using OperatorOne.Data;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>What happens to a ticket as it is opened: triage suggests a category and priority, and its SLA clock starts.</summary>
internal static class TicketIntake
{
    /// <summary>Applies the suggestion where the requester left it open (no category; a lower priority) and returns a sentence saying so.</summary>
    public static string TriageAndStart(OperatorOneDb db, Ticket ticket, TimeZoneInfo readerZone, DeskSettings settings)
    {
        var suggestion = Triage.Suggest($"{ticket.Title} {ticket.Description}", settings.Categories, settings.Rules);

        var outcome = Triage.Apply(ticket.Category, ticket.Priority, suggestion, settings.Categories);
        ticket.Category = outcome.Category;
        ticket.Priority = outcome.Priority;
        var sla = ServiceLevels.Start(db, ticket, outcome.QueueId, settings);

        var triage = outcome.Applied.Count == 0 ? ""
            : $" Triage suggests {string.Join(" and ", outcome.Applied)} (it mentions {string.Join(", ", suggestion.Reasons.Select(r => $"\"{r}\""))}); I've applied that — say \"escalate {ticket.Number}\" to raise it further.";
        var due = sla.ResolutionDueAt is { } at ? $" Resolution is due by {SlaText.When(at, readerZone)}." : "";
        return triage + due;
    }
}
