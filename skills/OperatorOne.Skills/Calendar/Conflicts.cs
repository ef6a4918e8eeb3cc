using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Skills.Calendar;

/// <summary>A clash found before booking, and what the caller answered to it.</summary>
internal abstract record Conflicts
{
    public sealed record BookAnyway : Conflicts;

    public sealed record Drop : Conflicts;

    public sealed record MoveTo(DateTimeOffset Start) : Conflicts;

    private static readonly string[] Yes = ["yes", "y", "yep", "sure", "ok", "okay", "book", "book it", "book anyway", "book it anyway", "anyway", "confirm"];
    private static readonly string[] No = ["no", "n", "nope", "don't", "dont", "drop it", "skip", "no thanks"];

    /// <summary>The answer to "book anyway?": null when nothing was asked yet (or the answer is unreadable, so we ask again).</summary>
    public static Conflicts? Read(string? answer, DateTimeOffset now, TimeZoneInfo zone)
    {
        var said = (answer ?? "").Trim().TrimEnd('.', '!').ToLowerInvariant();
        if (said.Length == 0)
        {
            return null;
        }
        if (Yes.Contains(said))
        {
            return new BookAnyway();
        }
        if (No.Contains(said))
        {
            return new Drop();
        }
        return NaturalDates.Parse(said, now, zone) is { } start ? new MoveTo(start) : null;
    }

    /// <summary>Who is busy at [start, start + length), with free times for everyone offered instead; null when nobody is.</summary>
    public static async Task<ToolResult?> CheckAsync(ToolContext context, IReadOnlyList<AssigneeCandidate> people, DateTimeOffset start, TimeSpan length,
        TimeZoneInfo zone, WorkingHours hours, CancellationToken cancellationToken)
    {
        var ids = people.Select(p => p.Id).ToList();
        var horizon = start.AddDays(7);
        var busy = await CalendarQueries.BusyAsync(context.Db, ids, start.AddDays(-1), horizon, null, cancellationToken);
        var zones = await CalendarQueries.ZonesAsync(context.Db, ids, cancellationToken);
        var participants = people.Select(p => new Participant(p.Id == context.Caller.MemberId ? "You" : p.DisplayName,
            zones.GetValueOrDefault(p.Id, TimeZoneInfo.Utc), busy[p.Id].ToList())).ToList();
        var clashes = SlotFinder.Clashes(participants, start, start + length);
        if (clashes.Count == 0)
        {
            return null;
        }
        var free = SlotFinder.Find(participants, length, start > context.Now ? start : context.Now, horizon, hours);
        var times = free.Select(f => CalendarText.Answerable(f, zone)).ToList();
        var who = CalendarText.List(clashes.Select(c => c.Name).ToList());
        var verb = clashes.Count == 1 && who != "You" ? "is" : "are";
        var offer = times.Count == 0 ? "" : $" Free for everyone: {CalendarText.Or(times)}.";
        return ToolResult.Ask("on_conflict",
            $"Conflict: {who} {verb} already busy at {CalendarText.Span(start, start + length, zone)}. Nothing is booked yet.{offer} Reply 'yes' to book anyway, 'no' to drop it, or one of the free times.",
            ["yes", "no", .. times]);
    }
}
