using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;

namespace OperatorOne.Skills.Calendar;

/// <summary>A clash found before booking, and what the caller answered to it.</summary>
internal abstract record Conflicts
{
    public sealed record BookAnyway : Conflicts;

    public sealed record Drop : Conflicts;

    public sealed record MoveTo(DateTimeOffset Start) : Conflicts;

    private static readonly string[] Yes = ["yes", "y", "yep", "sure", "ok", "okay", "book", "book it", "book anyway", "book it anyway", "move", "move it", "move anyway", "move it anyway", "anyway", "confirm"];
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

    /// <summary>
    /// Who is busy at [start, start + length) or not at work then on their own clock, with free times for everyone
    /// offered instead; null when all is well. The caller's own working hours are not checked: they picked the time.
    /// </summary>
    public static async Task<ToolResult?> CheckAsync(OperatorOneDb db, Caller caller, DateTimeOffset now, IReadOnlyList<MemberCandidate> people, DateTimeOffset start, TimeSpan length,
        TimeZoneInfo zone, WorkingHours hours, Guid? ignoreEvent, string verb, CancellationToken cancellationToken)
    {
        var horizon = start.AddDays(7);
        var participants = await CalendarQueries.ParticipantsAsync(db, caller, people, start.AddDays(-1), horizon, ignoreEvent, cancellationToken);
        var clashes = SlotFinder.Clashes(participants, start, start + length);
        var others = participants.Where((_, i) => people[i].Id != caller.MemberId).ToList();
        var offHours = SlotFinder.OffHours(others, start, length, hours);
        if (clashes.Count == 0 && offHours.Count == 0)
        {
            return null;
        }
        var free = SlotFinder.Find(participants, length, start > now ? start : now, horizon, hours);
        var times = free.Select(f => CalendarText.Answerable(f, zone)).ToList();
        var span = CalendarText.Span(start, start + length, zone);
        var problems = new List<string>();
        if (clashes.Count > 0)
        {
            var who = CalendarText.List(clashes.Select(c => c.Name).ToList());
            problems.Add($"{who} {(clashes.Count == 1 && who != "You" ? "is" : "are")} already busy at {span}");
        }
        if (offHours.Count > 0)
        {
            var whose = offHours.Select(p => $"{p.Name} ({(p.Hours ?? hours).Describe()} {p.Zone.Id})").ToList();
            problems.Add(offHours.Count == 1
                ? $"{span} is outside {offHours[0].Name}'s working hours ({(offHours[0].Hours ?? hours).Describe()} {offHours[0].Zone.Id})"
                : $"{span} is outside the working hours of {CalendarText.List(whose)}");
        }
        var done = verb == "move" ? "moved" : "booked";
        var offer = times.Count == 0 ? "" : $" Free for everyone: {CalendarText.Or(times)}.";
        return ToolResult.Ask("on_conflict",
            $"Conflict: {string.Join("; ", problems)}. Nothing is {done} yet.{offer} Reply 'yes' to {verb} anyway, 'no' to drop it, or one of the free times.",
            ["yes", "no", .. times]);
    }

    /// <summary>
    /// A series: the first occurrence as a single event (free times offered), then every later one for clashes, listed
    /// by day; working hours are the first's (the later ones keep its wall-clock time).
    /// </summary>
    public static async Task<ToolResult?> CheckSeriesAsync(OperatorOneDb db, Caller caller, DateTimeOffset now, IReadOnlyList<MemberCandidate> people, IReadOnlyList<DateTimeOffset> starts,
        TimeSpan length, TimeZoneInfo zone, WorkingHours hours, CancellationToken cancellationToken)
    {
        if (await CheckAsync(db, caller, now, people, starts[0], length, zone, hours, null, "book", cancellationToken) is { } first)
        {
            return first;
        }
        if (starts.Count == 1)
        {
            return null;
        }
        var participants = await CalendarQueries.ParticipantsAsync(db, caller, people, starts[1], starts[^1] + length, null, cancellationToken);
        var clashes = starts.Skip(1)
            .Select(start => (Start: start, Who: SlotFinder.Clashes(participants, start, start + length)))
            .Where(c => c.Who.Count > 0)
            .ToList();
        if (clashes.Count == 0)
        {
            return null;
        }
        var days = clashes.Take(5).Select(c => $"{CalendarText.When(c.Start, zone)} ({CalendarText.List(c.Who.Select(p => p.Name).ToList())})").ToList();
        var more = clashes.Count > days.Count ? $" and {clashes.Count - days.Count} more" : "";
        return ToolResult.Ask("on_conflict",
            $"Conflict on {clashes.Count} of {starts.Count} occurrences: {CalendarText.List(days)}{more} already taken. Nothing is booked yet. " +
            "Reply 'yes' to book the whole series anyway, 'no' to drop it, or another first start.",
            ["yes", "no"]);
    }
}
