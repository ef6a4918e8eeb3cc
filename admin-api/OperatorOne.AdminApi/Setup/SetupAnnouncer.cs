using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Data;

namespace OperatorOne.AdminApi.Setup;

/// <summary>Once the server listens, prints the one-time setup link when no organization exists yet.</summary>
internal sealed class SetupAnnouncer(IHostApplicationLifetime lifetime, IServer server, IServiceScopeFactory scopes, SetupGate gate,
    IOptions<OnboardingOptions> onboarding, ILogger<SetupAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AnnounceAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await SetupGate.IsOpenAsync(scope.ServiceProvider.GetRequiredService<OperatorOneDb>(), lifetime.ApplicationStopping))
            {
                return;
            }
            var path = SetupEndpoints.PathFor(gate.Token);
            var origin = onboarding.Value.PublicBaseUrl
                ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a.Replace("://+", "://localhost", StringComparison.Ordinal)
                    .Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
                    .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal))).FirstOrDefault();
            logger.LogWarning("No organization yet. Set OperatorOne up with this one-time link: {SetupLink}",
                origin is null ? path : new Uri(origin, path).ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not tell whether setup is needed");
        }
    }
}
