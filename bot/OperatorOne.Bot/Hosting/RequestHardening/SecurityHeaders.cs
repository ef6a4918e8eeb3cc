namespace OperatorOne.Bot.Hosting.RequestHardening;

/// <summary>
/// Headers every response gets (nosniff, no referrer), and every HTML page a Content-Security-Policy and frame denial.
/// Pages load their scripts from this origin (no inline script); styles may be inline because the Web Chat bundle injects
/// its own; the Direct Line and media WebSockets are same-origin. Web Chat reads a picked file back from its blob: URL
/// before uploading it, so connect-src allows blob: (without it every upload from the page fails as "Sending").
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' blob:; worker-src 'self' blob:; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        var response = http.Response;
        response.OnStarting(() =>
        {
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                response.Headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        });
        return next(http);
    }
}
