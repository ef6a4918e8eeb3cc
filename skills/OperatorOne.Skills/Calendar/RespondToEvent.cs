using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Calendar.CalendarPhrases;

namespace OperatorOne.Skills.Calendar;

/// <summary>Accept, decline or tentatively accept an invitation; the organizer hears about it.</summary>
internal static class RespondToEvent
{
    private const string Invite = "( the)?( invite| invitation)?( (to|for))?";

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
            Utterance.Of($"(yes,? )?i(['’]ll| will) (attend|join|come to|be at|make it to|be there for) {Event}", Says("accepted")),
            Utterance.Of($"(rsvp|reply|respond|answer) (yes|accept|accepted)( to)? {Event}|(rsvp|reply|respond|answer)( to)? {Event}( with)? (yes|accept|accepted)", Says("accepted")),
            Utterance.Of($"(please )?(decline|reject|refuse|skip|turn down|i decline){Invite} {Event}", Says("declined")),
            Utterance.Of($"i (can(['’]?t| ?not)|won(['’]?t)|will not|cannot) (make|attend|come to|join|go to|be at)( it to)? {Event}", Says("declined")),
            Utterance.Of($"(rsvp|reply|respond|answer) (no|decline|declined)( to)? {Event}|(rsvp|reply|respond|answer)( to)? {Event}( with)? (no|decline|declined)", Says("declined")),
            Utterance.Of($"(tentatively accept|maybe for|maybe to|mark me as tentative for|i might (attend|come to|make|join)){Invite} {Event}", Says("tentative")),
            Utterance.Of($"(rsvp|reply|respond|answer) (maybe|tentative)( to)? {Event}|(rsvp|reply|respond|answer)( to)? {Event}( with)? (maybe|tentative)", Says("tentative")),
            Utterance.Of($"(mark|set) {Event} (as )?(?<response>accepted|declined|tentative)"),
            Utterance.Of($"(rsvp|respond|reply)( to)? {Event}"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["event"] = "Which event? Tell me its number, like 5, or its title.",
            ["response"] = "Accepted, declined or tentative?",
        },
        HelpExample = "accept the budget meeting",
    };

    public static async Task<ToolResult> RunAsync(
        ToolContext context,
        [Description("The event: its number ('5', 'event 5') or words from its title ('the budget meeting').")] string @event,
        [Description("accepted, declined or tentative.")] RsvpResponse response,
        CancellationToken cancellationToken = default)
    {
        if (response == RsvpResponse.Pending)
        {
            return ToolResult.Refused("Please say accept, decline or tentative.");
        }
        var zone = NaturalDates.Zone(context.Caller.TimeZone);
        var (found, problem) = await CalendarQueries.FindAsync(context, @event, zone, cancellationToken);
        if (found is null)
        {
            return problem!;
        }
        var attendee = await context.Db.EventAttendees.FirstOrDefaultAsync(a => a.EventId == found.Id && a.MemberId == context.Caller.MemberId, cancellationToken);
        if (attendee is null)
        {
            return ToolResult.Refused($"You aren't invited to #{found.Number} {found.Title}.");
        }
        if (attendee.Response == response)
        {
            return new ToolResult($"You had already {Said(response)} #{found.Number} {found.Title}.");
        }
        attendee.Response = response;
        attendee.RespondedAt = context.Now;
        if (found.OrganizerId != context.Caller.MemberId)
        {
            var who = context.Caller.DisplayName;
            await CalendarNotices.SendAsync(context, found, [found.OrganizerId],
                when => $"{who} {Said(response)} #{found.Number} {found.Title} ({when}).", cancellationToken);
        }
        return new ToolResult($"You {Said(response)} #{found.Number} {found.Title}, {CalendarText.Span(found, zone)}.");
    }

    private static string Said(RsvpResponse response) => response switch
    {
        RsvpResponse.Accepted => "accepted",
        RsvpResponse.Declined => "declined",
        _ => "tentatively accepted",
    };

    private static Dictionary<string, string> Says(string response) => new() { ["response"] = response };
}
