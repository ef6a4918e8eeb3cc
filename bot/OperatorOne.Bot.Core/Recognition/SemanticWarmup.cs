using Microsoft.Extensions.Hosting;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>Starts loading the sentence model when the host starts, without waiting for it.</summary>
internal sealed class SemanticWarmup(SemanticIntents intents) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        intents.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
