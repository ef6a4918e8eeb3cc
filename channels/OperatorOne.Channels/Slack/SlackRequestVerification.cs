using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Runs before any Slack handler parses anything: reads the raw body (at most <see cref="MaxBodyBytes"/>), checks the
/// v0 signature and timestamp, and hands the verified bytes to the handler. Nothing unsigned gets further.
/// </summary>
internal sealed class SlackRequestVerification(IOptions<SlackOptions> options, TimeProvider clock, SlackSignatureWatch watch,
    ILogger<SlackRequestVerification> logger)
    : IEndpointFilter
{
    /// <summary>Slack's payloads are a few kilobytes; anything near this is not from Slack.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly object BodyKey = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes + 1;
        }
        var body = await ReadCappedAsync(http.Request.Body, http.RequestAborted);
        if (body is null)
        {
            return TooLarge();
        }
        var check = SlackSignature.Verify(options.Value.SigningSecret ?? "", http.Request.Headers[SlackSignature.TimestampHeader],
            http.Request.Headers[SlackSignature.SignatureHeader], body, clock.GetUtcNow());
        watch.Saw(check, clock.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            logger.LogWarning("Rejected a Slack request to {Path}: signature {Check}", http.Request.Path, check);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid Slack signature",
                detail: check switch
                {
                    SignatureCheck.Missing => "X-Slack-Signature and X-Slack-Request-Timestamp are required.",
                    SignatureCheck.Stale => "The request timestamp is outside the five-minute window.",
                    _ => "The signature does not match the request body.",
                });
        }
        http.Items[BodyKey] = body;
        return await next(context);
    }

    /// <summary>The verified raw body; only callable behind this filter.</summary>
    public static byte[] Body(HttpContext http) =>
        http.Items[BodyKey] as byte[] ?? throw new InvalidOperationException("The Slack request was not verified.");

    private static async Task<byte[]?> ReadCappedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
            detail: $"Slack requests are limited to {MaxBodyBytes} bytes.");
}
