using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Bot.Hosting;

/// <summary>
/// Graceful stop: readiness fails and new requests get 503 at once, requests and turns in flight finish (up to
/// Hosting:ShutdownTimeoutSeconds), then the hosted services stop (the outbox worker releases what it claimed).
/// </summary>
internal static class ShutdownHosting
{
    public static IHostApplicationBuilder AddGracefulShutdown(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ShutdownOptions>().Bind(builder.Configuration.GetSection(ShutdownOptions.Section))
            .Validate(o => o.ShutdownTimeoutSeconds is > 0 and <= 3600, "Hosting:ShutdownTimeoutSeconds must be between 1 and 3600.")
            .ValidateOnStart();
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.ShutdownTimeout);
        builder.Services.AddHostedService<TurnDrain>();
        builder.Services.AddHealthChecks().AddCheck<DrainingReadiness>("draining", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Counts every request in flight with the turns, so the drain waits for a request that has not reached the turn
    /// pipeline yet; once draining, answers 503 with Retry-After so clients and load balancers go to another replica.
    /// Health probes pass through (readiness reports the drain); WebSocket streams are not waited for.
    /// </summary>
    public static IApplicationBuilder UseDrainingGate(this IApplicationBuilder app)
    {
        var turns = app.ApplicationServices.GetRequiredService<InFlightTurns>();
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/health") || context.WebSockets.IsWebSocketRequest)
            {
                await next(context);
                return;
            }
            if (turns.IsDraining)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                await context.Response.WriteAsync("This replica is stopping; retry the request.", context.RequestAborted);
                return;
            }
            using var lease = turns.Enter();
            await next(context);
        });
    }
}
