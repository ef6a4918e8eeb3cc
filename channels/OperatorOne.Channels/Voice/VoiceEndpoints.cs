using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Channels.Voice.Media;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// The signed Twilio webhooks. Each answers TwiML: speak the replies and listen again (Gather), put the caller
/// through to a person (Dial), say goodbye (Hangup), or, while a slow turn runs, hold (Say, Redirect to /wait). Silence and no-match re-prompt twice, then offer a person.
/// </summary>
internal static class VoiceEndpoints
{
    public const int MaxMisses = 2;

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> IncomingAsync(
        HttpContext http, VoiceTurns turns, VoiceFlows flows, ToolRegistry tools, IOptions<TwilioOptions> options, IOptions<VoiceMediaOptions> media,
        CancellationToken cancellationToken)
    {
        var call = VoiceRequestVerification.Call(http);
        if (await turns.FindOrganizationAsync(call.To, cancellationToken) is not { } organizationId)
        {
            return NotOurNumber(options.Value);
        }
        if (await flows.IsGuestAsync(call, organizationId, cancellationToken))
        {
            return await flows.StartIntakeAsync(call, cancellationToken) is { } intake ? Xml(intake) : NotOurNumber(options.Value);
        }
        if (media.Value.Mode == VoiceMode.Stream)
        {
            // Members talk over the media stream (the welcome is spoken there); guest intake above stays on Gather.
            return Xml(MediaTwiML.Connect(call, options.Value));
        }
        if (await turns.StartAsync(call, cancellationToken) is not { } answer)
        {
            return NotOurNumber(options.Value);
        }
        answer = VoiceDialog.WithApprovalsHint(answer);
        return Xml(VoiceDialog.Listen(answer, VoiceDialog.Hints(tools, answer.Choices), step: 1, misses: 0, options.Value));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GatherAsync(
        HttpContext http, int? step, int? misses, int? choices, VoiceTurns turns, VoiceFlows flows, ToolRegistry tools, IOptions<TwilioOptions> options,
        CancellationToken cancellationToken)
    {
        if (step is not (>= 1 and <= 10_000) || misses is not (>= 0 and <= MaxMisses + 1) || choices is not (null or 1))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad step", detail: "step, misses and choices come from the bot's own Gather action URL.");
        }
        var call = VoiceRequestVerification.Call(http);
        var settings = options.Value;
        if (await turns.FindOrganizationAsync(call.To, cancellationToken) is not { } organizationId)
        {
            return NotOurNumber(settings);
        }
        var record = await flows.StateAsync(call, organizationId, cancellationToken);
        if (record.Replay(step.Value) is { } replayed)
        {
            // Twilio repeated a guided step already answered: the same TwiML, nothing run again.
            return Xml(replayed);
        }
        var flow = record.State;
        var hints = VoiceDialog.Hints(tools, []);
        var input = (call.SpeechResult ?? call.Digits)?.Trim();
        if (string.IsNullOrEmpty(input))
        {
            return Xml(flow.IsActive ? flows.Silence(flow, step.Value, misses.Value) : VoiceDialog.Missed(hints, step.Value, misses.Value + 1, settings));
        }
        var intent = VoiceDialog.Intent(input, tools);
        if (intent == CallerIntent.Person)
        {
            return Xml(VoiceDialog.Handover(settings));
        }
        if (flow.IsActive)
        {
            return await flows.ContinueAsync(call, flow, step.Value, misses.Value, input, cancellationToken) is { } next ? Xml(next) : NotOurNumber(settings);
        }
        switch (intent)
        {
            case CallerIntent.Goodbye:
                return Xml(TwiML.Response(TwiML.Say("Thank you for calling. Goodbye.", settings), TwiML.Hangup()));
            case CallerIntent.Approvals:
                return await flows.StartApprovalsAsync(call, step.Value, input, cancellationToken) is { } approvals ? Xml(approvals) : NotOurNumber(settings);
            case CallerIntent.Risky:
                return await flows.StartRiskyAsync(call, step.Value, input, cancellationToken) is { } risky ? Xml(risky) : NotOurNumber(settings);
        }
        var progress = await turns.SayAsync(call, step.Value, input, organizationId, offeredChoices: choices == 1, cancellationToken);
        if (!progress.Finished)
        {
            return Xml(VoiceDialog.Hold(step.Value, misses.Value, hold: 1, settings));
        }
        return progress.Answer is { } answer ? Xml(Answered(answer, tools, step.Value, misses.Value, settings)) : NotOurNumber(settings);
    }

    /// <summary>
    /// The redirect of a caller on hold: waits up to the budget for the answer of <paramref name="step"/>, then speaks it,
    /// holds again, or, after the last hold, apologizes and listens again. Only reads: a repeat gets the same TwiML.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> WaitAsync(
        HttpContext http, int? step, int? misses, int? hold, VoiceTurns turns, VoiceHolds holds, ToolRegistry tools, IOptions<TwilioOptions> options,
        IOptions<VoiceMediaOptions> media, CancellationToken cancellationToken)
    {
        var maxHolds = media.Value.MaxHolds;
        if (step is not (>= 1 and <= 10_000) || misses is not (>= 0 and <= MaxMisses + 1) || hold is not { } held || held < 1 || held > maxHolds)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad hold", detail: "step, misses and hold come from the bot's own Redirect URL.");
        }
        var call = VoiceRequestVerification.Call(http);
        var settings = options.Value;
        if (await turns.FindOrganizationAsync(call.To, cancellationToken) is not { } organizationId)
        {
            return NotOurNumber(settings);
        }
        var progress = await holds.WaitAsync(turns, call, step.Value, organizationId, cancellationToken);
        if (progress.Answer is { } answer)
        {
            return Xml(Answered(answer, tools, step.Value, misses.Value, settings));
        }
        return Xml(held < maxHolds
            ? VoiceDialog.Hold(step.Value, misses.Value, held + 1, settings)
            : VoiceDialog.TookTooLong(VoiceDialog.Hints(tools, []), step.Value + 1, misses.Value + 1, settings));
    }

    /// <summary>A turn's answer, then the next Gather; the recognizer's "didn't understand" counts as a miss.</summary>
    private static XDocument Answered(VoiceAnswer answer, ToolRegistry tools, int step, int misses, TwilioOptions settings) =>
        VoiceDialog.IsNoMatch(answer)
            ? VoiceDialog.Missed(VoiceDialog.Hints(tools, []), step + 1, misses + 1, settings, answer.Speech)
            : VoiceDialog.Listen(answer, VoiceDialog.Hints(tools, answer.Choices), step + 1, misses: 0, settings);

    /// <summary>Call progress: acknowledged; the call's state lives in the transcript, so nothing needs cleaning up.</summary>
    public static NoContent Status(HttpContext http)
    {
        _ = VoiceRequestVerification.Call(http);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// A correctly signed call to a number no organization has installed: Twilio would play its generic "application
    /// error" for a 4xx, so the caller hears plainly that the number is not in service (4xx stay for bad requests).
    /// </summary>
    private static ContentHttpResult NotOurNumber(TwilioOptions options) =>
        Xml(TwiML.Response(TwiML.Say(NotInService, options), TwiML.Hangup()));

    public const string NotInService = "Sorry, this number is not connected to a service desk. Please check the number and try again. Goodbye.";

    private static ContentHttpResult Xml(XDocument document) => TypedResults.Content(Serialize(document), TwiML.ContentType);

    public static string Serialize(XDocument document) => document.Declaration + document.ToString(SaveOptions.DisableFormatting);

    public static Uri WaitUrl(TwilioOptions options, int step, int misses, int hold) =>
        new($"{options.PublicBaseUrl!.AbsoluteUri.TrimEnd('/')}/api/voice/twilio/wait?step={step.ToString(CultureInfo.InvariantCulture)}&misses={misses.ToString(CultureInfo.InvariantCulture)}&hold={hold.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>
    /// The next Gather's action. <paramref name="choices"/>: the answer just spoken offered numbered choices, so the next
    /// input may pick one and the endpoint reads the call's recent answers; otherwise it reads nothing for them (two
    /// statements of a phone turn). The URL is the bot's own, signed by Twilio when it comes back.
    /// </summary>
    public static Uri GatherUrl(TwilioOptions options, int step, int misses, bool choices = false) =>
        new($"{options.PublicBaseUrl!.AbsoluteUri.TrimEnd('/')}/api/voice/twilio/gather?step={step.ToString(CultureInfo.InvariantCulture)}&misses={misses.ToString(CultureInfo.InvariantCulture)}{(choices ? "&choices=1" : "")}");
}
