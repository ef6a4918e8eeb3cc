using System.ComponentModel;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Skills.Tickets;
using static OperatorOne.Skills.Tickets.TicketPhrases;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>"Escalate 12": one priority step up, tighter SLA targets, and the ticket's queue is told.</summary>
internal static class EscalateTicket
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "escalate_ticket",
        Description = "Escalate a ticket: raise its priority one step and notify its queue",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"(please )?(escalate|bump|raise the priority of|raise the priority on|prioritize|prioritise) {Ref}"),
            Utterance.Of($"{Ref} (needs|should be|must be) (escalating|escalated|prioriti[sz]ed|bumped)"),
        ],
        Prompts = new Dictionary<string, string> { ["number"] = "Which ticket should I escalate? Tell me its number, like 12." },
        HelpExample = "escalate 12",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        OutboxWriter outbox,
        TimeProvider clock,
        [Description("The ticket number, e.g. 12.")] int number,
        CancellationToken cancellationToken = default)
    {
        var ticket = await db.FindVisibleAsync(number, caller, cancellationToken);
        if (ticket is null)
        {
            return ToolResult.Refused(TicketQueries.NotFound(number));
        }
        var escalation = TicketEscalation.Decide(number, ticket.Status, ticket.Priority);
        if (escalation.To is not { } raised)
        {
            return ToolResult.Refused(escalation.Refusal!);
        }
        ticket.Priority = raised;
        ticket.UpdatedAt = clock.GetUtcNow();
        var sla = await ServiceLevels.UpdateAsync(db, ticket, ticket.Status, clock.GetUtcNow(), cancellationToken);
        await IntegrationEvents.TicketAsync(db, caller, clock.GetUtcNow(), WebhookEvents.TicketUpdated, ticket, "escalated", cancellationToken);

        var members = sla.QueueId is { } queue ? await Recipients.QueueMembersAsync(db, queue, cancellationToken) : [];
        if (members.Count == 0)
        {
            members = await Recipients.ForTicketAsync(db, null, null, cancellationToken);
        }
        string Notice(TimeZoneInfo? zone) => $"Ticket #{number} ({ticket.Title}) was escalated to {TicketText.Word(ticket.Priority)} priority by {caller.DisplayName}."
            + (sla.ResolutionDueAt is { } due ? $" Resolution is now due by {SlaText.When(due, zone)}." : "");
        var others = members.Where(m => m != caller.MemberId).ToList();
        // Each reader sees the due time on their own clock.
        var zones = await MemberZones.OfAsync(db, others, cancellationToken);
        var told = 0;
        foreach (var conversation in await NoticeConversations.ForMembersAsync(db, others, clock.GetUtcNow(), cancellationToken))
        {
            outbox.Send(db, conversation, Activity.Message(Notice(conversation.MemberId is { } member ? zones.GetValueOrDefault(member) : null)));
            told++;
        }
        var whom = told == 0 ? "Nobody else could be reached." : $"I've told {told} {(told == 1 ? "person" : "people")} on the queue.";
        return new ToolResult($"Escalated ticket #{number} to {TicketText.Word(ticket.Priority)} priority."
            + (sla.ResolutionDueAt is { } at ? $" Resolution is now due by {SlaText.When(at, NaturalDates.Zone(caller.TimeZone))}." : "") + $" {whom}");
    }
}
