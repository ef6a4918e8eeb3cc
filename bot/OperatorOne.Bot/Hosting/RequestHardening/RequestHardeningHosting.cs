using Microsoft.AspNetCore.HttpOverrides;
using OperatorOne.Bot.Core.Work;

namespace OperatorOne.Bot.Hosting.RequestHardening;

/// <summary>
/// What every request passes, whatever the environment: forwarded headers only from configured proxies, an exception
/// handler that answers ProblemDetails without echoing the request (Development's exception page shows its headers) and
/// 503 with Retry-After while the database is away (<see cref="DatabaseOutageHandler"/>),
/// security headers, and the input check.
/// </summary>
internal static class RequestHardeningHosting
{
    public static IHostApplicationBuilder AddRequestHardening(this IHostApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        if (proxies.ForwardLimit is < 1 or > 10)
        {
            throw new InvalidOperationException($"{ProxyOptions.Section}:ForwardLimit must be 1 to 10, not {proxies.ForwardLimit}.");
        }
        var knownProxies = proxies.Proxies().ToList();
        var knownNetworks = proxies.Networks().ToList();
        builder.Services.AddSingleton(proxies);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.ForwardLimit = proxies.ForwardLimit;
            // ASP.NET Core trusts loopback by default; a same-host proxy must be named, so nothing is trusted unasked.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            knownProxies.ForEach(options.KnownProxies.Add);
            knownNetworks.ForEach(options.KnownIPNetworks.Add);
        });
        builder.Services.AddExceptionHandler<DatabaseOutageHandler>();
        // Binding failures answer 400 in every environment, instead of throwing in Development.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        return builder;
    }

    public static IApplicationBuilder UseRequestHardening(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<ProxyOptions>().Any)
        {
            app.UseForwardedHeaders();
        }
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when DatabaseOutage.Is(exception) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<InputGuard>();
        return app;
    }
}
