using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Channels;

namespace OperatorOne.Channels.Voice.Media;

/// <summary>
/// GET /api/voice/twilio/stream: the Media Streams WebSocket. Twilio signs the upgrade request (X-Twilio-Signature
/// over the wss URL, no parameters); the browser call page brings its browser session token (the web chat's) in <c>t</c> instead. Anything
/// else is refused before the upgrade.
/// </summary>
internal static class MediaStreamEndpoint
{
    public const string Path = "/api/voice/twilio/stream";

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ConnectAsync(
        HttpContext http, string? t, IOptions<TwilioOptions> twilio, IBrowserSessions sessions, VoiceTurns turns, ILogger<MediaSession> logger,
        CancellationToken cancellationToken)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Problem(StatusCodes.Status400BadRequest, "WebSocket expected", "This endpoint speaks the Media Streams protocol over a WebSocket.");
        }
        Func<MediaMessage.Start, Task<MediaCaller?>> identify;
        if (t is not null)
        {
            if (sessions.Verify(t) is not { } browser)
            {
                return Problem(StatusCodes.Status401Unauthorized, "Invalid token", "t must be a current web chat token.");
            }
            identify = _ => Task.FromResult<MediaCaller?>(new MediaCaller { OrganizationId = browser.OrganizationId, Browser = browser });
        }
        else
        {
            var settings = twilio.Value;
            if (!settings.IsEnabled || !SignedByTwilio(settings, http.Request))
            {
                logger.LogWarning("Refused a media stream: bad or missing Twilio signature");
                return Problem(StatusCodes.Status403Forbidden, "Invalid Twilio signature", "X-Twilio-Signature does not match the stream URL.");
            }
            identify = start => PhoneCallerAsync(start, settings, turns, cancellationToken);
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var session = new MediaSession(socket, identify, http.RequestServices, logger);
        await session.RunAsync(cancellationToken);
        return TypedResults.Empty;
    }

    /// <summary>The signed URL is the public one; we accept it as wss:// (what Twilio connects to) or https://.</summary>
    private static bool SignedByTwilio(TwilioOptions settings, HttpRequest request)
    {
        var signature = request.Headers[TwilioSignature.Header].ToString();
        var https = VoiceRequestVerification.PublicUrl(settings, request);
        var wss = "wss" + https[https.IndexOf(':', StringComparison.Ordinal)..];
        var token = settings.AuthToken ?? "";
        return TwilioSignature.Verify(token, wss, [], signature) | TwilioSignature.Verify(token, https, [], signature);
    }

    /// <summary>The call as our TwiML described it: Twilio's callSid, and the To/From we passed as stream parameters.</summary>
    private static async Task<MediaCaller?> PhoneCallerAsync(MediaMessage.Start start, TwilioOptions settings, VoiceTurns turns, CancellationToken cancellationToken)
    {
        var to = start.Parameters.GetValueOrDefault("To");
        var from = start.Parameters.GetValueOrDefault("From");
        if (start.CallSid is not { Length: <= 64 } callSid || !callSid.StartsWith("CA", StringComparison.Ordinal) || !PhoneNumbers.IsE164(to)
            || string.IsNullOrWhiteSpace(from) || from.Length > 64)
        {
            return null;
        }
        if (!string.IsNullOrWhiteSpace(settings.AccountSid) && start.AccountSid != settings.AccountSid)
        {
            return null;
        }
        var organizationId = await turns.FindOrganizationAsync(to!, cancellationToken);
        return organizationId is null ? null : new MediaCaller
        {
            OrganizationId = organizationId.Value,
            Phone = new VoiceRequest { CallSid = callSid, From = from, To = to!, AccountSid = start.AccountSid },
        };
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
