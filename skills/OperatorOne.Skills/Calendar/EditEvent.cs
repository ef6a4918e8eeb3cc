using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Calendar.CalendarPhrases;

namespace OperatorOne.Skills.Calendar;

/// <summary>Changes an event's location, notes or title (the organizer or an admin); the other attendees are told.</summary>
internal static class EditEvent
{
    private const string Target = $"(of |for |on )?{Event}";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "edit_event",
        Description = "Change an event's location, notes or title",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "set the location of event 5 to Room 4", "change the room for the budget meeting to the board room"
            Utterance.Of($"(please )?(set|change|update|move) (the )?(location|place|room|venue) {Target} to (?<location>.+)"),
            Utterance.Of($"{Event} (is|will be|takes place) (in|at) (?<location>(room|the|meeting room|conference room|zoom|teams|google meet) .+|zoom|teams|google meet)"),
            Utterance.Of($"(please )?(hold|have|put) {Event} (in|at) (?<location>.+)"),
            // "add notes to event 5: bring the Q3 numbers", "set the agenda of the budget meeting to: review Q3"
            // "update the agenda for the board prep to finance update then hiring": after "to" needs no colon.
            Utterance.Of($"(please )?(add|set|put|write|change|update) (the |a |some )?(notes?|agenda|description|details) (to|on|for|of) {Event}( to:? |{Colon})(?<notes>.+)"),
            // "clear the location on event 9", "remove the notes from the standup"
            Utterance.Of($"(please )?(clear|remove|delete|drop) (the )?(location|place|room|venue) (of |for |on |from )?{Event}", new Dictionary<string, string> { ["location"] = "none" }),
            Utterance.Of($"(please )?(clear|remove|delete|drop) (the )?(notes|agenda|description) (of |for |on |from )?{Event}", new Dictionary<string, string> { ["notes"] = "none" }),
            Utterance.Of($"(please )?(add|set|put|write) (the |a |some )?(notes?|agenda|description|details){Colon}(?<notes>.+?) (to|on|for) {Event}"),
            // "rename event 5 to Budget review", "change the title of the standup to Daily sync"
            Utterance.Of($"(please )?(rename|retitle) {Event} (to|as) (?<title>.+)"),
            Utterance.Of($"(please )?(change|set|update) (the )?(title|name) {Target} to (?<title>.+)"),
        ],
        Prompts = new Dictionary<string, string> { ["event"] = "Which event? Tell me its number, like 5, or its title." },
        HelpExample = "set the location of event 12 to Room 4",
    };

    /// <summary>" ?: ?" — "add notes to event 5: bring the numbers".</summary>
    private const string Colon = " ?[:\\-–] ?";

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        OutboxWriter outbox,
        TimeProvider clock,
        [Description("The event: its number ('5', 'event 5') or words from its title ('the budget meeting').")] string @event,
        [Description("The new location: a room, an address or a call link; 'none' to clear it.")] string? location = null,
        [Description("The new notes or agenda; 'none' to clear them.")] string? notes = null,
        [Description("The new title.")] string? title = null,
        CancellationToken cancellationToken = default)
    {
        if (location is null && notes is null && title is null)
        {
            return ToolResult.Ask("location", "What should change: the location, the notes or the title? Tell me the new location, for example 'Room 4'.", []);
        }
        var zone = NaturalDates.Zone(caller.TimeZone);
        var (found, problem) = await CalendarQueries.FindAsync(db, caller, clock.GetUtcNow(), @event, zone, cancellationToken);
        if (found is null)
        {
            return problem!;
        }
        if (found.OrganizerId != caller.MemberId && caller.Role < MemberRole.Admin)
        {
            return ToolResult.Refused($"Only the organizer or an admin can change #{found.Number} {found.Title}.");
        }
        var changes = new List<string>();
        if (location is not null)
        {
            found.Location = Value(location, 200);
            changes.Add(found.Location is null ? "removed the location" : $"moved it to {found.Location}");
        }
        if (notes is not null)
        {
            found.Notes = Value(notes, 2000);
            changes.Add(found.Notes is null ? "removed the notes" : $"set the notes to \"{found.Notes}\"");
        }
        if (title is not null && Value(title, 200) is { } renamed)
        {
            changes.Add($"renamed it to {renamed}");
            found.Title = renamed;
        }
        if (changes.Count == 0)
        {
            return ToolResult.Refused("An event needs a title; tell me the new one.");
        }
        var others = await db.EventAttendees.Where(a => a.EventId == found.Id && a.MemberId != caller.MemberId)
            .Select(a => a.MemberId).ToListAsync(cancellationToken);
        var who = caller.DisplayName;
        var what = CalendarText.List(changes);
        await CalendarNotices.SendAsync(db, outbox, clock.GetUtcNow(), found, others, when => $"{who} changed #{found.Number} {found.Title} ({when}): {what}.", cancellationToken);
        return new ToolResult($"Changed #{found.Number} {found.Title} ({CalendarText.Span(found, zone)}): {what}.");
    }

    /// <summary>The text to store, or null for "none"/"nothing"/empty (clears the field).</summary>
    private static string? Value(string said, int max)
    {
        var clean = said.Trim().Trim('"', '\'').Trim();
        if (clean.Length == 0 || clean.ToLowerInvariant() is "none" or "nothing" or "no location" or "no notes" or "clear" or "empty")
        {
            return null;
        }
        return clean.Length <= max ? clean : clean[..(max - 1)] + "…";
    }
}
