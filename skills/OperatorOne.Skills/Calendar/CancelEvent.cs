using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Calendar.CalendarPhrases;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// Cancels an event the caller organizes (admins may cancel any). Cancelling only your own time is a plain write;
/// when other people are invited the call is handed to <see cref="CancelSharedEvent"/>, a RiskyWrite, so it goes
/// through the executor's approval gate like every other risky action.
/// </summary>
internal static class CancelEvent
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "cancel_event",
        Description = "Cancel an event",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"(please )?(cancel|call off|scrap|drop|delete|remove|kill|axe|scratch) {Event}( please)?"),
            Utterance.Of($"(please )?(cancel|call off|delete|remove) my {Event}"),
            Utterance.Of($"{Event} is (cancelled|canceled|off|not happening)"),
            Utterance.Of($"(i (want|need) to |let(['’]?s| us) )(cancel|call off|scrap) {Event}"),
            Utterance.Of($"(take|remove) {Event} (off|from) (my|the) (calendar|schedule)"),
            Utterance.Of("(cancel|delete|remove) (an?|the|my) (event|meeting|deadline|reminder)"),
        ],
        Prompts = new Dictionary<string, string> { ["event"] = "Which event should I cancel? Tell me its number, like 5, or its title." },
        HelpExample = "cancel event 5",
    };

    public static async Task<ToolResult> RunAsync(
        ToolContext context,
        [Description("The event: its number ('5', 'event 5') or words from its title ('the budget meeting').")] string @event,
        CancellationToken cancellationToken = default)
    {
        var zone = NaturalDates.Zone(context.Caller.TimeZone);
        var (found, problem) = await CalendarQueries.FindAsync(context, @event, zone, cancellationToken);
        if (found is null)
        {
            return problem!;
        }
        if (found.OrganizerId != context.Caller.MemberId && context.Caller.Role < MemberRole.Admin)
        {
            return ToolResult.Refused($"Only the organizer or an admin can cancel #{found.Number} {found.Title}; you can decline it instead.");
        }
        var others = await context.Db.EventAttendees.CountAsync(a => a.EventId == found.Id && a.MemberId != context.Caller.MemberId, cancellationToken);
        if (others > 0)
        {
            var executor = context.Services.GetRequiredService<ToolExecutor>();
            var call = new ToolCall(CancelSharedEvent.Definition.Name, new JsonObject { ["number"] = found.Number });
            var outcome = await executor.ExecuteAsync(call, context, cancellationToken);
            return outcome.Result;
        }
        found.CancelledAt = context.Now;
        return new ToolResult($"Cancelled #{found.Number} {found.Title} ({CalendarText.Span(found, zone)}).");
    }
}
