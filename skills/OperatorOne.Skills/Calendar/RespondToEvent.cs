using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Calendar.CalendarPhrases;

namespace OperatorOne.Skills.Calendar;

/// <summary>Accept, decline or tentatively accept an invitation; the organizer hears about it.</summary>
internal static class RespondToEvent
{
    private const string Invite = "( the)?( invite| invitation)?( (to|for))?";
    // "I can't make the sync, please decline it": the answer said again after the reason is the same answer.
    private const string Waiting = " (the|this|that|her|his|their|[^ ]+['’]s) (invite|invitation|meeting request)( from [^ ,]+( [^ ,]+)?)?";
    private const string SoAccept = "(,? (so |and )?(please )?(accept( it| the invite)?|rsvp yes|count me in))?";
    private const string SoDecline = "(,? (so |and )?(please )?(decline|reject)( it| the invite)?|,? rsvp no)?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "respond_to_event",
        Description = "Accept, decline or tentatively accept an event invitation",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"(please )?(accept|join|confirm|i accept|attend){Invite} {Event}", Says("accepted")),
            // "accept the invite from nadia": the invitation itself, when only one is waiting, needs no event named.
            Utterance.Of($"(please )?(accept|i accept|say yes to){Waiting}", Says("accepted")),
            Utterance.Of($"(please )?(decline|reject|turn down|i decline|say no to){Waiting}", Says("declined")),
            Utterance.Of($"((yes|sure|ok|okay|yep),? )?i(['’]ll| will) (attend|join|come to|be at|make it to|be there for) {Event}{SoAccept}", Says("accepted")),
            Utterance.Of($"count me in (for |to |on )?{Event}", Says("accepted")),
            Utterance.Of($"say yes to{Invite} {Event}", Says("accepted")),
            Utterance.Of($"say no to{Invite} {Event}", Says("declined")),
            Utterance.Of($"count me out (of|for) {Event}", Says("declined")),
            // "tell them maybe for the hiring plan meeting", "put me down as a maybe for the all hands"
            Utterance.Of($"(tell them|tell the organi[sz]er|let them know|put me down as|mark me as|count me as)( a)? (maybe|tentative)( for| to| on)? {Event}|(maybe|tentative) (for|to|on) {Event}", Says("tentative")),
            Utterance.Of($"(rsvp|reply|respond|answer) (yes|accept|accepted)( to)? {Event}|(rsvp|reply|respond|answer)( to)? {Event}( with)? (yes|accept|accepted)", Says("accepted")),
            Utterance.Of($"(please )?(decline|reject|refuse|skip|turn down|i decline){Invite} {Event}", Says("declined")),
            Utterance.Of($"((tell them|tell the organi[sz]er|let them know) )?i (can(['’]?t| ?not)|won(['’]?t)|will not|cannot) (be able to )?(make|attend|come to|join|go to|be at)( it to)? {Event}{SoDecline}", Says("declined")),
            Utterance.Of($"(rsvp|reply|respond|answer) (no|decline|declined)( to)? {Event}|(rsvp|reply|respond|answer)( to)? {Event}( with)? (no|decline|declined)", Says("declined")),
            Utterance.Of($"(tentatively accept|((say|it['’]?s) (a )?)?maybe (for|to)|mark me as tentative for|i might (attend|come to|make|join)){Invite} {Event}", Says("tentative")),
            Utterance.Of($"(rsvp|reply|respond|answer) (maybe|tentative)( to)? {Event}|(rsvp|reply|respond|answer)( to)? {Event}( with)? (maybe|tentative)", Says("tentative")),
            Utterance.Of($"(mark|set) {Event} (as )?(?<response>accepted|declined|tentative)"),
            Utterance.Of($"(rsvp|respond|reply)( to)? {Event}"),
            // "accept every standup", "accept all the standups", "decline the whole standup series"
            Utterance.Of($"(please )?(accept|join|attend)( all( the)?| every| each| the (whole |entire )?series( of)?)( the)? (?<event>.+?)s?( series| meetings)?", SeriesSays("accepted")),
            Utterance.Of($"(please )?(accept|join|attend) {Event} series", SeriesSays("accepted")),
            Utterance.Of($"(please )?(accept|join|attend){Invite} {Event}{FromNowOn}", SeriesSays("accepted")),
            Utterance.Of($"(please )?(decline|reject|refuse|skip|turn down){Invite} {Event}{FromNowOn}", SeriesSays("declined")),
            Utterance.Of($"(please )?(decline|reject|skip)( all( the)?| every| each| the (whole |entire )?series( of)?)( the)? (?<event>.+?)s?( series| meetings)?", SeriesSays("declined")),
            Utterance.Of($"(please )?(decline|reject|skip) {Event} series", SeriesSays("declined")),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["event"] = "Which event? Tell me its number, like 5, or its title.",
            ["response"] = "Accepted, declined or tentative?",
        },
        HelpExample = "accept the budget meeting",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        OutboxWriter outbox,
        TimeProvider clock,
        [Description("The event: its number ('5', 'event 5') or words from its title ('the budget meeting').")] string @event,
        [Description("accepted, declined or tentative.")] RsvpResponse response,
        [Description("True to answer for this and every later occurrence of its recurring series.")] bool series = false,
        CancellationToken cancellationToken = default)
    {
        if (response == RsvpResponse.Pending)
        {
            return ToolResult.Refused("Please say accept, decline or tentative.");
        }
        var zone = NaturalDates.Zone(caller.TimeZone);
        var (found, problem) = await CalendarQueries.FindAsync(db, caller, clock.GetUtcNow(), @event, zone, cancellationToken);
        if (found is null)
        {
            return problem!;
        }
        var me = caller.MemberId;
        var events = series && found.SeriesId is { } seriesId
            ? db.CalendarEvents.Where(e => e.SeriesId == seriesId && e.CancelledAt == null && e.StartsAt >= found.StartsAt).Select(e => e.Id)
            : db.CalendarEvents.Where(e => e.Id == found.Id).Select(e => e.Id);
        var answers = await db.EventAttendees.Where(a => events.Contains(a.EventId) && a.MemberId == me).ToListAsync(cancellationToken);
        if (answers.Count == 0)
        {
            return ToolResult.Refused($"You aren't invited to #{found.Number} {found.Title}.");
        }
        var what = answers.Count == 1 ? $"#{found.Number} {found.Title}" : $"{answers.Count} occurrences of {found.Title}";
        if (answers.All(a => a.Response == response))
        {
            return new ToolResult($"You had already {Said(response)} {what}.");
        }
        foreach (var answer in answers)
        {
            answer.Response = response;
            answer.RespondedAt = clock.GetUtcNow();
        }
        if (found.OrganizerId != me)
        {
            var who = caller.DisplayName;
            await CalendarNotices.SendAsync(db, outbox, clock.GetUtcNow(), found, [found.OrganizerId],
                when => answers.Count == 1 ? $"{who} {Said(response)} #{found.Number} {found.Title} ({when})."
                    : $"{who} {Said(response)} {what}, from {when} on.", cancellationToken);
        }
        var from = answers.Count == 1 ? "" : "from ";
        return new ToolResult($"You {Said(response)} {what}, {from}{CalendarText.Span(found, zone)}.");
    }

    private static string Said(RsvpResponse response) => response switch
    {
        RsvpResponse.Accepted => "accepted",
        RsvpResponse.Declined => "declined",
        _ => "tentatively accepted",
    };

    private static Dictionary<string, string> Says(string response) => new() { ["response"] = response };

    private static Dictionary<string, string> SeriesSays(string response) => new() { ["response"] = response, ["series"] = "true" };
}
