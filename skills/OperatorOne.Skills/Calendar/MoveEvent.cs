using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Calendar.CalendarPhrases;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// Moves an event the caller organizes (admins may move any) to a new start, or shifts it by a length. Clashes and
/// other people's working hours at the new time are reported first, as when booking; then the organizer's own event
/// moves at once (its attendees are told and asked again), and an admin moving someone else's event hands the call to
/// <see cref="MoveSharedEvent"/> for approval. One occurrence of a recurring event moves on its own.
/// </summary>
internal static class MoveEvent
{
    // "can we move …", "need to reschedule …": asking for it the way people do in chat.
    private const string Asking = "(please )?((can|could) (you|we) |let(['’]?s| us) |(i |we )?(want|need|have) to )?";
    private const string Verb = $"{Asking}(move|reschedule|re-schedule|shift|change|rebook|switch|bump|push|put)";
    private const string Later = $"{Asking}(push|delay|postpone|move|shift|bump|push back|put back)";
    private const string Sooner = $"{Asking}(move|pull|bring|shift)";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "move_event",
        Description = "Move or reschedule an event to a new time, or shift it by some minutes",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "move event 12 to Friday at 10am", "reschedule the standup to tomorrow 9am"
            Utterance.Of($"{Verb} {Event} (to|until|till|for|on) (?<to>{When})( instead)?{Reason}"),
            Utterance.Of($"(reschedule|move) {Event} (?<to>{When})"),
            Utterance.Of($"{Event} (is moved|moves|has moved|is rescheduled|is now) (to|on) (?<to>{When})"),
            // "push event 7 by 30 minutes", "postpone the budget meeting by an hour", "move event 3 15 minutes later"
            Utterance.Of($"{Later} {Event}( back| later)? by (?<by>{Duration})( later)?"),
            Utterance.Of($"{Later} {Event} (?<by>{Duration}) later"),
            // "pull event 7 forward by 30 minutes", "move the standup 15 minutes earlier"
            Utterance.Of($"{Sooner} {Event} (forward|earlier|up|ahead)( by)? (?<by>{Duration})", Earlier()),
            Utterance.Of($"{Sooner} {Event}( forward)? (?<by>{Duration}) (earlier|sooner)", Earlier()),
            Utterance.Of($"(please )?(move|reschedule|re-schedule|postpone) {Event}"),
        ],
        Prompts = new Dictionary<string, string> { ["event"] = "Which event should I move? Tell me its number, like 5, or its title." },
        HelpExample = "move event 12 to Friday at 10am",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        OutboxWriter outbox,
        TimeProvider clock,
        CallHandOff handOff,
        IOptions<CalendarOptions> options,
        [Description("The event: its number ('5', 'event 5') or words from its title ('the budget meeting').")] string @event,
        [Description("The new start, e.g. 'Friday at 10am'.")] DateTimeOffset? to = null,
        [Description("Instead of a new start: how far to shift it, e.g. '30 minutes' or '1 hour'.")] string? by = null,
        [Description("With 'by': true to move it earlier instead of later.")] bool earlier = false,
        [Description("Only after a reported clash: 'yes' to move anyway, 'no' to leave it, or another start time.")] string? on_conflict = null,
        CancellationToken cancellationToken = default)
    {
        var zone = NaturalDates.Zone(caller.TimeZone);
        var now = clock.GetUtcNow();
        var (found, problem) = await CalendarQueries.FindAsync(db, caller, now, @event, zone, cancellationToken);
        if (found is null)
        {
            return problem!;
        }
        if (found.OrganizerId != caller.MemberId && caller.Role < MemberRole.Admin)
        {
            return ToolResult.Refused($"Only the organizer or an admin can move #{found.Number} {found.Title}; you can decline it instead.");
        }
        var shift = Durations.Parse(by);
        if (by is not null && shift is null)
        {
            return ToolResult.Refused($"I didn't get how far \"{by}\" is. Try '30 minutes' or '1 hour'.");
        }
        var start = to?.ToUniversalTime() ?? (shift is { } s ? found.StartsAt + (earlier ? -s : s) : (DateTimeOffset?)null);
        var answer = Conflicts.Read(on_conflict, now, zone);
        if (answer is Conflicts.Drop)
        {
            return new ToolResult($"OK, #{found.Number} {found.Title} stays at {CalendarText.Span(found, zone)}.");
        }
        if (answer is Conflicts.MoveTo move)
        {
            start = move.Start.ToUniversalTime();
        }
        if (start is not { } target)
        {
            return ToolResult.Ask("to", $"When should #{found.Number} {found.Title} move to? It's {CalendarText.Span(found, zone)} now; say for example 'Friday at 10am'.", []);
        }
        if (target < now.AddMinutes(-1))
        {
            return ToolResult.Refused($"{CalendarText.When(target, zone)} has already passed. When should #{found.Number} {found.Title} be?");
        }
        if (target == found.StartsAt)
        {
            return new ToolResult($"#{found.Number} {found.Title} is already at {CalendarText.Span(found, zone)}.");
        }
        var attendees = await db.EventAttendees.Where(a => a.EventId == found.Id)
            .Join(db.Members, a => a.MemberId, m => m.Id, (_, m) => new MemberCandidate(m.Id, m.DisplayName, m.Handle))
            .ToListAsync(cancellationToken);
        if (found.Kind == EventKind.Meeting && answer is not Conflicts.BookAnyway)
        {
            var clash = await Conflicts.CheckAsync(db, caller, now, attendees, target, found.EndsAt - found.StartsAt, zone, options.Value.Hours, found.Id, "move", cancellationToken);
            if (clash is not null)
            {
                return clash;
            }
        }
        if (found.OrganizerId != caller.MemberId)
        {
            // Through the executor's gate: someone else's event moves only once an approver approves.
            return await handOff.ToToolAsync(MoveSharedEvent.Definition.Name, new JsonObject
            {
                ["number"] = found.Number,
                ["starts_at"] = target.ToString("O", CultureInfo.InvariantCulture),
            }, cancellationToken);
        }
        var told = await MoveSharedEvent.ApplyAsync(db, caller, outbox, now, found, target, cancellationToken);
        var asked = told == 0 ? "" : $" and asked {told} attendee{(told == 1 ? "" : "s")} to answer again";
        return new ToolResult($"Moved #{found.Number} {found.Title} to {CalendarText.Span(found, zone)}{asked}.")
        {
            Speak = $"Moved {found.Title} to {CalendarText.When(found.StartsAt, zone)}.",
        };
    }

    private static Dictionary<string, string> Earlier() => new() { ["earlier"] = "true" };
}
