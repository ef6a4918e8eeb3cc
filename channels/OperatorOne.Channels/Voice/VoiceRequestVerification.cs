using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// Runs before any voice handler: reads the form body (capped), checks X-Twilio-Signature over the configured public
/// URL and the fields, and the account. Unsigned or foreign requests get 403 and nothing is processed.
/// </summary>
internal sealed class VoiceRequestVerification(IOptions<TwilioOptions> options, TwilioWebhookWatch watch, TimeProvider clock,
    ILogger<VoiceRequestVerification> logger) : IEndpointFilter
{
    /// <summary>Twilio's voice webhooks are about a kilobyte.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly object FormKey = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"Twilio requests are limited to {MaxBodyBytes} bytes.");
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
        if (!http.Request.HasFormContentType)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Form body expected", "Twilio posts application/x-www-form-urlencoded.");
        }
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed form body", "The body is not a readable form.");
        }
        var fields = form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? ""))).ToList();
        var settings = options.Value;
        var url = PublicUrl(settings, http.Request);
        var signed = TwilioSignature.Verify(settings.AuthToken ?? "", url, fields, http.Request.Headers[TwilioSignature.Header]);
        if (!string.IsNullOrEmpty(http.Request.Headers[TwilioSignature.Header]))
        {
            watch.Signed(signed, clock.GetUtcNow());
        }
        if (!signed)
        {
            logger.LogWarning("Rejected a Twilio request to {Path}: bad or missing signature", http.Request.Path);
            return Problem(StatusCodes.Status403Forbidden, "Invalid Twilio signature", "X-Twilio-Signature does not match the request.");
        }
        var call = VoiceRequest.Read(form);
        if (call is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed Twilio request", "CallSid, From and To are required; To must be an E.164 number.");
        }
        if (!string.IsNullOrWhiteSpace(settings.AccountSid) && call.AccountSid != settings.AccountSid)
        {
            return Problem(StatusCodes.Status403Forbidden, "Wrong account", "The request is not from the configured Twilio account.");
        }
        watch.Called(call.To, clock.GetUtcNow());
        http.Items[FormKey] = call;
        return await next(context);
    }

    /// <summary>The verified request; only callable behind this filter.</summary>
    public static VoiceRequest Call(HttpContext http) =>
        http.Items[FormKey] as VoiceRequest ?? throw new InvalidOperationException("The Twilio request was not verified.");

    /// <summary>The URL Twilio called: the configured public base, then this request's path and query.</summary>
    public static string PublicUrl(TwilioOptions options, HttpRequest request)
    {
        var baseUrl = (options.PublicBaseUrl ?? throw new InvalidOperationException("Twilio:PublicBaseUrl is not set.")).AbsoluteUri.TrimEnd('/');
        return baseUrl + request.Path.Value + request.QueryString.Value;
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
