namespace OperatorOne.Bot.Core.Outbox;

/// <summary>The "Outbox" section.</summary>
public sealed class OutboxOptions
{
    /// <summary>How long a claim holds before another replica may take the row (a crashed replica's rows wait this long).</summary>
    public int LeaseSeconds { get; set; } = 60;
}
