using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>"What's breaching today?": tickets already past a target or due before the end of the caller's day.</summary>
internal static class BreachingToday
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "sla_breaching_today",
        Description = "List tickets that have breached their SLA or will breach it before the end of today",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"({TicketPhrases.WhatIs}|which tickets are|what tickets are|anything) (breaching|going to breach|about to breach|at risk)( today)?"),
            Utterance.Of("(show|list)( me)? (sla )?(breaches|breaching tickets|tickets at risk)( today)?"),
            Utterance.Of("(any )?(sla )?breaches( today)?"),
            // "anything about to blow its SLA before end of day?": which tickets will miss their target today.
            Utterance.Of("(anything|any tickets?|which tickets?|what)( (is|are))? (about to|going to|likely to|set to) (breach|blow|miss|bust|break) (its|their|the|an?) sla( (before|by) (the )?(end of (the )?day|eod|tonight|close of business))?( today)?"),
            Utterance.Of("(which|what) tickets (are|will be) (breaching|going to breach|about to breach) (the |their )?sla( today)?"),
        ],
        HelpExample = "what's breaching today?",
    };

    public static async Task<ToolResult> RunAsync(OperatorOneDb db, Caller caller, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(caller.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var endOfDay = new DateTimeOffset(local.Date.AddDays(1), local.Offset);
        var running = await DeskQueries.RunningAsync(db, db.Tickets, cancellationToken);
        var atRisk = running.Where(t => t.DueAt < endOfDay).ToList();
        if (atRisk.Count == 0)
        {
            return new ToolResult("Nothing is breaching today.");
        }
        var breached = atRisk.Count(t => t.DueAt <= now);
        var lines = string.Join("\n", atRisk.Take(20).Select(t => "- " + DeskQueries.Line(t, now)));
        return new ToolResult($"{atRisk.Count} ticket{(atRisk.Count == 1 ? "" : "s")} breaching today ({breached} already breached):\n{lines}")
        {
            Speak = $"{atRisk.Count} tickets are breaching today; {breached} already have.",
        };
    }
}
