using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// An unknown caller is led through name, problem and a callback number (their own, confirmed, or one they key or
/// say and hear read back); then a ticket is opened for them as a guest and its number read out.
/// </summary>
internal sealed class IntakeFlow(ToolExecutor executor, VoiceFlowSteps steps)
{
    public const string Greeting = "Hi! I'm OperatorOne. I'll take a few details, open a support ticket for you, and someone will call you back.";

    public static VoiceFlowState Start => new() { Flow = VoiceFlow.Intake, Stage = VoiceStage.Name };

    public async Task<FlowOutcome> StepAsync(FlowStep step, CancellationToken cancellationToken)
    {
        var state = step.State;
        var input = step.Input;
        switch (state.Stage)
        {
            case VoiceStage.Name:
                return SpokenInput.Name(input) is { } name
                    ? steps.Ask(step, state with { Stage = VoiceStage.Problem, Name = name })
                    : steps.NotUnderstood(step, "Sorry, I didn't catch your name.");
            case VoiceStage.Problem:
                var problem = input.Trim();
                if (problem.Length < 3 || SpokenInput.Digits(problem) is not null)
                {
                    return steps.NotUnderstood(step, "Sorry, I didn't understand the problem.");
                }
                problem = problem.Length > 500 ? problem[..500] : problem;
                return PhoneNumbers.IsE164(step.Call.From)
                    ? steps.Ask(step, state with { Stage = VoiceStage.ConfirmOwnNumber, Problem = problem, Callback = step.Call.From })
                    : steps.Ask(step, state with { Stage = VoiceStage.Number, Problem = problem });
            case VoiceStage.ConfirmOwnNumber or VoiceStage.ConfirmNumber:
                return SpokenInput.YesOrNo(input) switch
                {
                    YesNo.Yes => await OpenTicketAsync(step, cancellationToken),
                    YesNo.No => steps.Ask(step, state with { Stage = VoiceStage.Number, Callback = null }),
                    _ => steps.NotUnderstood(step, "Sorry, I didn't get that."),
                };
            case VoiceStage.Number:
                return SpokenInput.Digits(input) is { Length: >= 7 and <= 15 } digits
                    ? steps.Ask(step, state with { Stage = VoiceStage.ConfirmNumber, Callback = digits })
                    : steps.NotUnderstood(step, "Sorry, that didn't sound like a phone number.");
            default:
                return steps.End(step, "");
        }
    }

    /// <summary>The ticket is the guest's: requester unknown, contact the callback number, name and number in the description.</summary>
    private async Task<FlowOutcome> OpenTicketAsync(FlowStep step, CancellationToken cancellationToken)
    {
        var state = step.State;
        var callback = state.Callback ?? step.Call.From;
        var name = state.Name ?? "Guest";
        var context = step.Context with { Caller = Caller.Guest(ChannelNames.Voice, callback, name) };
        var arguments = new JsonObject
        {
            ["title"] = state.Problem,
            ["description"] = $"{state.Problem}\n\nReported by phone by {name}, calling from {step.Call.From}. Call back on {callback}.",
        };
        var outcome = await executor.ExecuteAsync(new ToolCall("create_ticket", arguments), context, cancellationToken);
        var ticket = context.Db.Tickets.Local.Where(t => t.GuestContact == callback && t.RequesterId is null).MaxBy(t => t.Number);
        if (outcome.Kind != ToolOutcomeKind.Ran || ticket is null)
        {
            return steps.Hangup(step, $"Sorry, I couldn't open a ticket: {VoiceSpeech.Clean(outcome.Result.Text)} Please call again later. Goodbye.");
        }
        return steps.Hangup(step,
            $"Thank you, {name}. I've opened ticket {ticket.Number} for you. That's ticket {ticket.Number}. "
            + $"Someone will call you back on {SpokenInput.Number(callback)}. Goodbye.");
    }
}
