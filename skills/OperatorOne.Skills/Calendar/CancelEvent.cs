using System.ComponentModel;
using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Calendar.CalendarPhrases;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// Cancels an event (or the rest of its series). An organizer cancels their own at once and the attendees are told; an
/// admin cancelling someone else's event hands the call to <see cref="CancelSharedEvent"/>, a RiskyWrite, so it goes
/// through the executor's approval gate like every other risky action.
/// </summary>
internal static class CancelEvent
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "cancel_event",
        Description = "Cancel an event, or every later occurrence of a recurring one",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"(please )?(cancel|call off|scrap|drop|delete|remove|kill|axe|scratch) {Event}( please)?{Reason}"),
            Utterance.Of($"(please )?(cancel|call off|delete|remove) my {Event}"),
            Utterance.Of($"{Event} is (cancelled|canceled|off|not happening)"),
            Utterance.Of($"(i (want|need) to |let(['’]?s| us) )(cancel|call off|scrap) {Event}"),
            Utterance.Of($"(take|remove|drop|delete|clear) {Event} (off|from) (my|the) (calendar|schedule|diary){Reason}"),
            Utterance.Of("(cancel|delete|remove) (an?|the|my) (event|meeting|deadline|reminder)"),
            // "cancel the standup series", "cancel every standup", "cancel all future standups", "stop the weekly review"
            Utterance.Of($"(please )?(cancel|call off|scrap|delete|remove|stop|end) (the (whole |entire )?series( of)?|all( the)?( future| remaining| upcoming)?|every|each)( the)? (?<event>.+?)s?( series| meetings)?( from now on| going forward)?", Series()),
            Utterance.Of($"(please )?(cancel|call off|scrap|stop|end) {Event} series( from now on)?", Series()),
            // "cancel the friday retro and all the ones after it", "drop the weekly standup for good"
            Utterance.Of($"(please )?(cancel|call off|scrap|drop|delete|remove|kill|axe|scratch|stop) {Event}{FromNowOn}", Series()),
            // "call off the catch-up with Lina": called off is only ever said of something booked.
            Utterance.Of("(please )?call off (?<event>(the |my ).+?)( please)?"),
        ],
        Prompts = new Dictionary<string, string> { ["event"] = "Which event should I cancel? Tell me its number, like 5, or its title." },
        HelpExample = "cancel event 5",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        OutboxWriter outbox,
        TimeProvider clock,
        CallHandOff handOff,
        [Description("The event: its number ('5', 'event 5') or words from its title ('the budget meeting').")] string @event,
        [Description("True to cancel this and every later occurrence of its recurring series, not just this one.")] bool series = false,
        CancellationToken cancellationToken = default)
    {
        var zone = NaturalDates.Zone(caller.TimeZone);
        var now = clock.GetUtcNow();
        var (found, problem) = await CalendarQueries.FindAsync(db, caller, now, @event, zone, cancellationToken);
        if (found is null)
        {
            return problem!;
        }
        if (found.OrganizerId == caller.MemberId)
        {
            return await CancelSharedEvent.ApplyAsync(db, caller, outbox, now, found, series, cancellationToken);
        }
        if (caller.Role < MemberRole.Admin)
        {
            return ToolResult.Refused($"Only the organizer or an admin can cancel #{found.Number} {found.Title}; you can decline it instead.");
        }
        // Through the executor's gate: someone else's event is cancelled only once an approver approves.
        return await handOff.ToToolAsync(CancelSharedEvent.Definition.Name, new JsonObject { ["number"] = found.Number, ["series"] = series }, cancellationToken);
    }

    private static Dictionary<string, string> Series() => new() { ["series"] = "true" };
}
