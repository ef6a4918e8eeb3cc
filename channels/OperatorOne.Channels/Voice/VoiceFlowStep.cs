using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Voice;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// The phone's guided steps as the core runs them, in place of the router: intake for unknown callers, approvals by
/// phone, risky requests behind the voice PIN. What was said travels in the step's input, never in the transcript.
/// </summary>
internal sealed class VoiceFlowStep(IntakeFlow intake, SecureFlow secure, VoiceFlowSteps steps) : ITurnStep
{
    public const string StepName = "voice.flow";

    public string Name => StepName;

    public static TurnStep For(VoiceFlowKind kind, string input, int step, int misses) => new(StepName, new JsonObject
    {
        ["kind"] = kind.ToString(),
        ["input"] = input,
        ["step"] = step,
        ["misses"] = misses,
    });

    public async Task<IReadOnlyList<Reply>> RunAsync(InboundTurn turn, ToolContext context, CancellationToken cancellationToken)
    {
        var input = turn.Step!.Input;
        var kind = Enum.Parse<VoiceFlowKind>(input["kind"]!.GetValue<string>());
        var call = new VoiceRequest { CallSid = turn.Reference.Conversation.Id, From = turn.ChannelUserId, To = turn.InstallationId };
        var row = await context.Db.VoiceCalls.SingleOrDefaultAsync(c => c.CallSid == call.CallSid, cancellationToken);
        if (row is null)
        {
            row = new VoiceCall { Id = Guid.NewGuid(), OrganizationId = context.OrganizationId, CallSid = call.CallSid, State = "{}", CreatedAt = context.Now };
            context.Db.VoiceCalls.Add(row);
        }
        var flowStep = new FlowStep(call, input["step"]!.GetValue<int>(), input["misses"]!.GetValue<int>(), input["input"]!.GetValue<string>(), context, row,
            VoiceFlowState.FromJson(row.State));
        var outcome = kind switch
        {
            VoiceFlowKind.StartIntake => steps.Ask(flowStep, IntakeFlow.Start, IntakeFlow.Greeting),
            VoiceFlowKind.StartApprovals => await secure.StartApprovalsAsync(flowStep, cancellationToken),
            VoiceFlowKind.StartRisky => await secure.StartRiskyAsync(flowStep, cancellationToken),
            _ when flowStep.State.Flow == VoiceFlow.Intake => await intake.StepAsync(flowStep, cancellationToken),
            _ => await secure.StepAsync(flowStep, cancellationToken),
        };
        row.State = outcome.Next.ToJson();
        row.Step = flowStep.Step;
        row.Answer = VoiceEndpoints.Serialize(outcome.TwiML);
        row.UpdatedAt = context.Now;
        return [new Reply(outcome.Spoken)];
    }
}
