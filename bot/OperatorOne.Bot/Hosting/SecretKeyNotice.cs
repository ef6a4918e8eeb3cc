namespace OperatorOne.Bot.Hosting;

/// <summary>Says once at start that the master key lives in a file, which must be backed up and cannot serve replicas.</summary>
internal sealed class SecretKeyNotice(SecretKeyFile file, ILogger<SecretKeyNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "The master key (Secrets:Key) is {Origin} {Path}: back it up with the database (without it stored channel tokens cannot be read). "
            + "Several replicas must all be given the same Secrets:Key instead.",
            file.Created ? "new, kept in" : "read from", file.Path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
