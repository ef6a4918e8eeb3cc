namespace OperatorOne.Bot.Core.Work;

/// <summary>The "Work" section: how replicas share background work (outbox, accepted turns, periodic jobs).</summary>
public sealed class WorkOptions
{
    public const string Section = "Work";

    /// <summary>How often a replica says it is alive.</summary>
    public double HeartbeatSeconds { get; set; } = 2;

    /// <summary>A replica silent this long is dead: its claimed work goes to the others.</summary>
    public int ReplicaTimeoutSeconds { get; set; } = 10;

    /// <summary>Work held this long by a live replica is taken back anyway (a stuck delivery).</summary>
    public int MaxHoldSeconds { get; set; } = 300;

    /// <summary>How often each queue looks for work nobody signalled (work of other replicas, retries).</summary>
    public int PollMilliseconds { get; set; } = 500;
}
