using OperatorOne.Bot.Core.Security;

namespace OperatorOne.Bot.Hosting.RequestHardening;

/// <summary>
/// Every request's path, query string and body pass <see cref="InboundBody"/> before any handler runs; a refusal is a
/// 400 or 413 with the reason, in the error shape of the channel the path belongs to (ProblemDetails otherwise).
/// Endpoints whose own gate authenticates first (<see cref="CheckedByGate"/>) run the same check there.
/// </summary>
internal sealed class InputGuard(RequestDelegate next, IEnumerable<InboundRejection> rejections, ILogger<InputGuard> logger)
{
    private readonly InboundRejection[] _rejections = [.. rejections.OrderByDescending(r => r.Prefix.Value?.Length ?? 0)];

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<CheckedByGate>() is null && await InboundBody.CheckAsync(http) is { } problem)
        {
            logger.LogInformation("Refused {Method} {Path} with {Status}: {Reason}", http.Request.Method, http.Request.Path, problem.Status, problem.Reason);
            var rejection = _rejections.FirstOrDefault(r => http.Request.Path.StartsWithSegments(r.Prefix));
            if (rejection is not null)
            {
                await rejection.WriteAsync(http, problem);
            }
            else
            {
                await TypedResults.Problem(problem.Reason, statusCode: problem.Status).ExecuteAsync(http);
            }
            return;
        }
        await next(http);
    }
}
