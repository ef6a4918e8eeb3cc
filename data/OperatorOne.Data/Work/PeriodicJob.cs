namespace OperatorOne.Data.Work;

/// <summary>A periodic scan (approval expiry, SLA, reminders, purge): one replica at a time runs it when it is due.</summary>
public sealed class PeriodicJob
{
    public required string Name { get; set; }
    public DateTimeOffset NextRunAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
    public string? LastError { get; set; }
}
