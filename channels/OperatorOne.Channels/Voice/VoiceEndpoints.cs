using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Channels.Voice.Media;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// The three signed Twilio webhooks. Each answers TwiML: speak the replies and listen again (Gather), put the caller
/// through to a person (Dial), or say goodbye (Hangup). Silence and no-match re-prompt twice, then offer a person.
/// </summary>
internal static class VoiceEndpoints
{
    public const int MaxMisses = 2;

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> IncomingAsync(
        HttpContext http, VoiceTurns turns, ToolRegistry tools, IOptions<TwilioOptions> options, IOptions<VoiceMediaOptions> media,
        CancellationToken cancellationToken)
    {
        var call = VoiceRequestVerification.Call(http);
        if (media.Value.Mode == VoiceMode.Stream)
        {
            // The welcome is spoken over the stream; here only the number is checked.
            return await turns.FindOrganizationAsync(call.To, cancellationToken) is null ? UnknownNumber(call) : Xml(MediaTwiML.Connect(call, options.Value));
        }
        if (await turns.StartAsync(call, cancellationToken) is not { } answer)
        {
            return UnknownNumber(call);
        }
        return Xml(VoiceDialog.Listen(answer, VoiceDialog.Hints(tools, answer.Choices), step: 1, misses: 0, options.Value));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GatherAsync(
        HttpContext http, int? step, int? misses, VoiceTurns turns, ToolRegistry tools, IOptions<TwilioOptions> options,
        CancellationToken cancellationToken)
    {
        if (step is not (>= 1 and <= 10_000) || misses is not (>= 0 and <= MaxMisses + 1))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad step", detail: "step and misses come from the bot's own Gather action URL.");
        }
        var call = VoiceRequestVerification.Call(http);
        var settings = options.Value;
        if (await turns.FindOrganizationAsync(call.To, cancellationToken) is not { } organizationId)
        {
            return UnknownNumber(call);
        }
        var hints = VoiceDialog.Hints(tools, []);
        var input = (call.SpeechResult ?? call.Digits)?.Trim();
        if (string.IsNullOrEmpty(input))
        {
            return Xml(VoiceDialog.Missed(hints, step.Value, misses.Value + 1, settings));
        }
        switch (VoiceDialog.Intent(input, tools))
        {
            case CallerIntent.Person:
                return Xml(VoiceDialog.Handover(settings));
            case CallerIntent.Goodbye:
                return Xml(TwiML.Response(TwiML.Say("Thank you for calling. Goodbye.", settings), TwiML.Hangup()));
            case CallerIntent.Risky:
                return Xml(VoiceDialog.Listen(new VoiceAnswer(VoiceDialog.RiskyRefusal, []), hints, step.Value, misses: 0, settings));
        }
        var answer = await turns.SayAsync(call, step.Value, input, organizationId, cancellationToken);
        if (answer is null)
        {
            return UnknownNumber(call);
        }
        if (VoiceDialog.IsNoMatch(answer))
        {
            return Xml(VoiceDialog.Missed(hints, step.Value + 1, misses.Value + 1, settings, answer.Speech));
        }
        return Xml(VoiceDialog.Listen(answer, VoiceDialog.Hints(tools, answer.Choices), step.Value + 1, misses: 0, settings));
    }

    /// <summary>Call progress: acknowledged; the call's state lives in the transcript, so nothing needs cleaning up.</summary>
    public static NoContent Status(HttpContext http)
    {
        _ = VoiceRequestVerification.Call(http);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult UnknownNumber(VoiceRequest call) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Number not installed",
            detail: $"{call.To} is not connected to any organization.");

    private static ContentHttpResult Xml(XDocument document) =>
        TypedResults.Content(document.Declaration + document.ToString(SaveOptions.DisableFormatting), TwiML.ContentType);

    public static Uri GatherUrl(TwilioOptions options, int step, int misses) =>
        new($"{options.PublicBaseUrl!.AbsoluteUri.TrimEnd('/')}/api/voice/twilio/gather?step={step.ToString(CultureInfo.InvariantCulture)}&misses={misses.ToString(CultureInfo.InvariantCulture)}");
}
