using OperatorOne.Data.Embedded;

namespace OperatorOne.Bot.Hosting;

/// <summary>Stops the embedded PostgreSQL after everything else has stopped.</summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgres server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await server.DisposeAsync();
}
