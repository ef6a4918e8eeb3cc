namespace OperatorOne.Skills.ServiceDesk;

/// <summary>A threshold a running ticket has crossed; <see cref="Announce"/> is false for a warning overtaken by its breach.</summary>
internal sealed record SlaCrossing(string Target, string Threshold, DateTimeOffset DueAt, bool Announce)
{
    /// <summary>The thresholds crossed by <paramref name="now"/> for one target; a late scan claims the warning silently and announces the breach.</summary>
    public static IEnumerable<SlaCrossing> Find(string target, DateTimeOffset? warnAt, DateTimeOffset? dueAt, DateTimeOffset now)
    {
        if (warnAt is null || dueAt is null || warnAt > now)
        {
            yield break;
        }
        var breached = dueAt <= now;
        yield return new SlaCrossing(target, SlaTargets.Warning, dueAt.Value, Announce: !breached);
        if (breached)
        {
            yield return new SlaCrossing(target, SlaTargets.Breach, dueAt.Value, Announce: true);
        }
    }

    /// <summary>The announcement with the due time on <paramref name="zone"/>'s clock, the reader's.</summary>
    public string Message(int number, string title, TimeZoneInfo? zone) => Threshold == SlaTargets.Breach
        ? $"SLA breached: ticket #{number} ({title}) missed its {SlaText.Target(Target)} target, due {SlaText.When(DueAt, zone)}."
        : $"SLA warning: ticket #{number} ({title}) has used 80 % of its {SlaText.Target(Target)} time; it is due by {SlaText.When(DueAt, zone)}.";
}
