using Microsoft.AspNetCore.Diagnostics;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Work;

namespace OperatorOne.Bot.Hosting.RequestHardening;

/// <summary>
/// A request that failed because PostgreSQL is away (stopped, restarting, unreachable) is answered 503 with
/// Retry-After, in the error shape of the channel the path belongs to, and nothing about our side in the body: every
/// channel's sender retries a 503, and the retry is the same delivery, so nothing runs twice.
/// </summary>
internal sealed class DatabaseOutageHandler(IEnumerable<InboundRejection> rejections, ILogger<DatabaseOutageHandler> logger) : IExceptionHandler
{
    private const string Reason = "The service is briefly unavailable; try again shortly.";
    private readonly InboundRejection[] _rejections = [.. rejections.OrderByDescending(r => r.Prefix.Value?.Length ?? 0)];

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.Is(exception))
        {
            return false;
        }
        logger.LogWarning("{Method} {Path} answered 503: the database is unavailable ({Reason})", http.Request.Method, http.Request.Path, exception.Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new InboundProblem(StatusCodes.Status503ServiceUnavailable, Reason);
        if (_rejections.FirstOrDefault(r => http.Request.Path.StartsWithSegments(r.Prefix)) is { } rejection)
        {
            await rejection.WriteAsync(http, problem);
        }
        else
        {
            await TypedResults.Problem(Reason, statusCode: problem.Status).ExecuteAsync(http);
        }
        return true;
    }
}
