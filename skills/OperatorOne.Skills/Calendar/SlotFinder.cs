namespace OperatorOne.Skills.Calendar;

/// <summary>A time someone is taken.</summary>
internal readonly record struct Busy(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}

/// <summary>Someone whose time matters to a search: their zone, what they already have, and their own working hours (null: the default).</summary>
internal sealed record Participant(string Name, TimeZoneInfo Zone, IReadOnlyList<Busy> Busy, WorkingHours? Hours = null);

/// <summary>
/// The first times everybody is free and at work. Candidates step through real instants (UTC), and each person's
/// working day (their own hours, or <c>hours</c> for those without) is read on their own wall clock at that instant,
/// so a DST change in one zone moves the common window exactly as it moves for that person.
/// </summary>
internal static class SlotFinder
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<DateTimeOffset> Find(IReadOnlyList<Participant> people, TimeSpan length, DateTimeOffset from, DateTimeOffset until, WorkingHours hours, int count = 3)
    {
        var found = new List<DateTimeOffset>();
        var start = RoundUp(from.ToUniversalTime());
        while (start + length <= until && found.Count < count)
        {
            var end = start + length;
            if (people.All(p => (p.Hours ?? hours).Contains(start, length, p.Zone) && !p.Busy.Any(b => b.Overlaps(start, end))))
            {
                found.Add(start);
                // Suggestions that do not overlap one another are more useful than 3:00, 3:15 and 3:30.
                start = RoundUp(end);
                continue;
            }
            start += Step;
        }
        return found;
    }

    /// <summary>Who of <paramref name="people"/> is taken during [start, end).</summary>
    public static IReadOnlyList<Participant> Clashes(IReadOnlyList<Participant> people, DateTimeOffset start, DateTimeOffset end) =>
        people.Where(p => p.Busy.Any(b => b.Overlaps(start, end))).ToList();

    /// <summary>Who of <paramref name="people"/> is not at work during [start, start + length) on their own clock.</summary>
    public static IReadOnlyList<Participant> OffHours(IReadOnlyList<Participant> people, DateTimeOffset start, TimeSpan length, WorkingHours hours) =>
        people.Where(p => !(p.Hours ?? hours).Contains(start, length, p.Zone)).ToList();

    private static DateTimeOffset RoundUp(DateTimeOffset moment)
    {
        var ticks = (moment.UtcTicks + Step.Ticks - 1) / Step.Ticks * Step.Ticks;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
