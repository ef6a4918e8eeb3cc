namespace OperatorOne.Bot.Hosting;

/// <summary>The "Hosting" section.</summary>
internal sealed class ShutdownOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// How long a stopping replica may take: it drains in-flight turns for all but the last 5 seconds, which are left
    /// for releasing outbox claims and stopping the rest. Keep it below Kubernetes' terminationGracePeriodSeconds minus preStop.
    /// </summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    internal TimeSpan ShutdownTimeout => TimeSpan.FromSeconds(ShutdownTimeoutSeconds);

    internal TimeSpan DrainBudget => TimeSpan.FromSeconds(Math.Max(1, ShutdownTimeoutSeconds - 5));
}
