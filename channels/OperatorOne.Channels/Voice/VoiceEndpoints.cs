using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// The three signed Twilio webhooks. Each answers TwiML: speak the replies and listen again (Gather), put the caller
/// through to a person (Dial), or say goodbye (Hangup). Silence and no-match re-prompt twice, then offer a person.
/// </summary>
internal static class VoiceEndpoints
{
    public const int MaxMisses = 2;

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> IncomingAsync(
        HttpContext http, VoiceTurns turns, VoiceFlows flows, ToolRegistry tools, IOptions<TwilioOptions> options, CancellationToken cancellationToken)
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
        if (await turns.StartAsync(call, cancellationToken) is not { } answer)
        {
            return NotOurNumber(options.Value);
        }
        answer = VoiceDialog.WithApprovalsHint(answer);
        return Xml(VoiceDialog.Listen(answer, VoiceDialog.Hints(tools, answer.Choices), step: 1, misses: 0, options.Value));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GatherAsync(
        HttpContext http, int? step, int? misses, VoiceTurns turns, VoiceFlows flows, ToolRegistry tools, IOptions<TwilioOptions> options,
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
        var answer = await turns.SayAsync(call, step.Value, input, organizationId, cancellationToken);
        if (answer is null)
        {
            return NotOurNumber(settings);
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

    /// <summary>
    /// A correctly signed call to a number no organization has installed: Twilio would play its generic "application
    /// error" for a 4xx, so the caller hears plainly that the number is not in service (4xx stay for bad requests).
    /// </summary>
    private static ContentHttpResult NotOurNumber(TwilioOptions options) =>
        Xml(TwiML.Response(TwiML.Say(NotInService, options), TwiML.Hangup()));

    public const string NotInService = "Sorry, this number is not connected to a service desk. Please check the number and try again. Goodbye.";

    private static ContentHttpResult Xml(XDocument document) => TypedResults.Content(Serialize(document), TwiML.ContentType);

    public static string Serialize(XDocument document) => document.Declaration + document.ToString(SaveOptions.DisableFormatting);

    public static Uri GatherUrl(TwilioOptions options, int step, int misses) =>
        new($"{options.PublicBaseUrl!.AbsoluteUri.TrimEnd('/')}/api/voice/twilio/gather?step={step.ToString(CultureInfo.InvariantCulture)}&misses={misses.ToString(CultureInfo.InvariantCulture)}");
}
