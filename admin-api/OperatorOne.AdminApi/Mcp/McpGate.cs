using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OperatorOne.AdminApi.Mcp;

/// <summary>
/// Every /mcp request, before the SDK reads it: rate limit per credential, authenticate with the admin API's own code
/// (API key or OIDC token), cap the body; the member becomes the request's user, whose claims the tool handlers read.
/// </summary>
internal sealed class McpGate(RequestDelegate next)
{
    public static readonly object Marker = new McpEndpointMarker();

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<McpEndpointMarker>() is null)
        {
            await next(http);
            return;
        }
        var services = http.RequestServices;
        var authentication = services.GetRequiredService<AdminAuthentication>();
        var presented = AdminAuthentication.PresentedCredential(http.Request);
        var partition = (presented is null ? null : authentication.Partition(presented)) ?? $"ip:{http.Connection.RemoteIpAddress}";
        if (!services.GetRequiredService<AdminRateLimiter>().TryAcquire(partition))
        {
            http.Response.Headers.RetryAfter = "60";
            await ProblemAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests; wait a minute.");
            return;
        }
        var signIn = presented is null
            ? AdminSignIn.Unauthorized("An API key or a bearer token is required: Authorization: Bearer op1_… or Bearer <JWT>.")
            : await authentication.AuthenticateAsync(presented, null, http.RequestAborted);
        if (signIn.Caller is not { } caller)
        {
            if (signIn.FailureStatus == StatusCodes.Status401Unauthorized)
            {
                http.Response.Headers.WWWAuthenticate = signIn.WasToken
                    ? $"Bearer error=\"invalid_token\", error_description=\"{signIn.FailureReason.Replace("\"", "'", StringComparison.Ordinal)}\""
                    : "Bearer";
            }
            await ProblemAsync(http, signIn.FailureStatus, signIn.FailureReason);
            return;
        }
        if (http.Request.ContentLength > AdminRequestBody.MaxBytes)
        {
            await ProblemAsync(http, StatusCodes.Status413PayloadTooLarge, $"The body is limited to {AdminRequestBody.MaxBytes / 1024} KB.");
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = AdminRequestBody.MaxBytes;
        }
        http.User = McpCaller.Principal(caller);
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            // A body past the cap without a Content-Length (chunked) ends here.
            await ProblemAsync(http, ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"The body is limited to {AdminRequestBody.MaxBytes / 1024} KB." : ex.Message);
        }
        catch (System.Text.Json.JsonException ex) when (!http.Response.HasStarted)
        {
            // Well-formed JSON whose parameters have the wrong shape (clientInfo a string, say): the SDK throws while binding.
            await ProblemAsync(http, StatusCodes.Status400BadRequest, $"The request's parameters do not fit the MCP schema: {ex.Path ?? "$"}.");
        }
    }

    private static async Task ProblemAsync(HttpContext http, int status, string detail) =>
        await TypedResults.Problem(detail, statusCode: status).ExecuteAsync(http);

    private sealed record McpEndpointMarker;
}
