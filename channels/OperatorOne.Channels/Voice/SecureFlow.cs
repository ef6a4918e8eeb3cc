using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Audit;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Approvals;
using OperatorOne.Data.Audit;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// What a member may only do by phone behind their voice PIN and a read-back: decide approvals (through
/// <see cref="ApprovalDecisions"/>, so exactly once with the card buttons elsewhere) and ask for a risky tool call.
/// The third wrong PIN hands the call over; every PIN outcome is audited, never the digits.
/// </summary>
internal sealed partial class SecureFlow(ToolRegistry registry, ToolExecutor executor, ApprovalDecisions decisions, AuditLog audit, VoiceFlowSteps steps)
{
    public const int MaxPinFailures = 3;

    public async Task<FlowOutcome> StartApprovalsAsync(FlowStep step, CancellationToken cancellationToken)
    {
        var caller = step.Context.Caller;
        if (caller.MemberId is not { } memberId)
        {
            return steps.End(step, "Only members can decide approvals.");
        }
        var approvals = await PendingAsync(step.Context, memberId, cancellationToken);
        if (approvals.Count == 0)
        {
            return steps.End(step, "You have no approvals waiting.");
        }
        var lead = approvals.Count == 1 ? "You have 1 approval waiting." : $"You have {approvals.Count} approvals waiting.";
        return steps.Ask(step, new VoiceFlowState { Flow = VoiceFlow.Approvals, Stage = VoiceStage.Choose, Approvals = approvals }, lead);
    }

    public async Task<FlowOutcome> StartRiskyAsync(FlowStep step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var reading = UtteranceReader.Read(step.Input, registry.All, context.Now);
        if (reading is null)
        {
            return steps.End(step, "Sorry, I didn't understand that.");
        }
        var definition = reading.Tool.Definition;
        if (ToolExecutor.CheckRole(definition, context.Caller) is { } denial)
        {
            return steps.End(step, VoiceSpeech.Clean(denial));
        }
        if (reading.Problem is not null)
        {
            return steps.End(step, VoiceSpeech.Clean(reading.Problem));
        }
        if (reading.Tool.RequiredParameters.Any(p => reading.Arguments[p] is null))
        {
            return steps.End(step, $"Please say the whole request in one go, for example: {definition.HelpExample ?? definition.Description}.");
        }
        var call = new ToolCall(reading.Tool.Name, reading.Arguments);
        string summary;
        try
        {
            summary = reading.Tool.Summary is null ? definition.Description : await executor.SummarizeAsync(reading.Tool, call, context, cancellationToken);
        }
        catch (Exception ex) when (ToolExecutor.IsArgumentProblem(ex))
        {
            return steps.End(step, "Sorry, I didn't understand that.");
        }
        var state = new VoiceFlowState
        {
            Flow = VoiceFlow.Risky,
            Tool = call.Tool,
            Arguments = call.Arguments.ToJsonString(),
            Summary = LowerFirst(Phrase(summary)),
        };
        return await GateAsync(step, state, cancellationToken);
    }

    public async Task<FlowOutcome> StepAsync(FlowStep step, CancellationToken cancellationToken) => step.State.Stage switch
    {
        VoiceStage.Choose => await ChooseAsync(step, cancellationToken),
        VoiceStage.Pin => await PinAsync(step, cancellationToken),
        VoiceStage.Confirm => await ConfirmAsync(step, cancellationToken),
        _ => steps.End(step, ""),
    };

    private async Task<FlowOutcome> ChooseAsync(FlowStep step, CancellationToken cancellationToken) => SpokenInput.Choice(step.Input) switch
    {
        ApprovalChoice.Approve => await GateAsync(step, step.State with { Approve = true }, cancellationToken),
        ApprovalChoice.Reject => await GateAsync(step, step.State with { Approve = false }, cancellationToken),
        ApprovalChoice.Skip => Next(step, "Skipped."),
        _ => steps.NotUnderstood(step, "Sorry, I didn't get that."),
    };

    /// <summary>The PIN once per call, then the read-back; without a PIN nothing risky happens by phone.</summary>
    private async Task<FlowOutcome> GateAsync(FlowStep step, VoiceFlowState next, CancellationToken cancellationToken)
    {
        if (step.Row.PinVerified)
        {
            return steps.Ask(step, next with { Stage = VoiceStage.Confirm });
        }
        var memberId = step.Context.Caller.MemberId;
        if (!await step.Context.Db.VoicePins.AnyAsync(p => p.MemberId == memberId, cancellationToken))
        {
            audit.Record(step.Context, AuditKinds.VoicePin, "not_set", next.Tool ?? "approval decision", next.Tool);
            var nothing = next.Flow == VoiceFlow.Approvals ? "Nothing was recorded." : "Nothing was requested.";
            return steps.End(step, $"You haven't set a voice PIN yet, so I can't do that by phone. To set one, say set my voice pin in chat. {nothing}");
        }
        return steps.Ask(step, next with { Stage = VoiceStage.Pin });
    }

    private async Task<FlowOutcome> PinAsync(FlowStep step, CancellationToken cancellationToken)
    {
        if (VoicePins.Normalize(SpokenInput.Digits(step.Input)) is not { } pin)
        {
            return steps.NotUnderstood(step, $"A voice PIN is {VoicePins.MinLength} to {VoicePins.MaxLength} digits.");
        }
        var context = step.Context;
        var memberId = context.Caller.MemberId;
        var hash = await context.Db.VoicePins.Where(p => p.MemberId == memberId).Select(p => p.Hash).SingleOrDefaultAsync(cancellationToken);
        if (hash is not null && VoicePins.Matches(pin, hash))
        {
            step.Row.PinVerified = true;
            audit.Record(context, AuditKinds.VoicePin, "verified", $"call {step.Call.CallSid}");
            return steps.Ask(step, step.State with { Stage = VoiceStage.Confirm }, "Thank you.");
        }
        step.Row.PinFailures++;
        audit.Record(context, AuditKinds.VoicePin, "wrong", $"call {step.Call.CallSid}, attempt {step.Row.PinFailures}");
        if (step.Row.PinFailures >= MaxPinFailures)
        {
            audit.Record(context, AuditKinds.VoicePin, "locked_out", $"call {step.Call.CallSid}: {MaxPinFailures} wrong PINs");
            return steps.Handover(step, "That PIN was wrong three times, so I can't go on with this request.");
        }
        var left = MaxPinFailures - step.Row.PinFailures;
        return steps.Ask(step, step.State, $"That PIN isn't right. You have {left} {(left == 1 ? "try" : "tries")} left.");
    }

    private async Task<FlowOutcome> ConfirmAsync(FlowStep step, CancellationToken cancellationToken)
    {
        var state = step.State;
        switch (SpokenInput.YesOrNo(step.Input))
        {
            case YesNo.Yes when state.Flow == VoiceFlow.Approvals && state.Current is { } approval && state.Approve is { } approve:
                var decided = await decisions.DecideAsync(new ApprovalDecision(approval.Id, approve), step.Context, cancellationToken);
                return Next(step, Spoken(decided.Text));
            case YesNo.Yes when state.Tool is not null:
                var arguments = JsonNode.Parse(state.Arguments ?? "{}") as JsonObject ?? [];
                var outcome = await executor.ExecuteAsync(new ToolCall(state.Tool, arguments), step.Context, cancellationToken);
                var said = outcome.Approval is { } request
                    ? $"Done. I've asked the approvers: approval request {request.Number}. You'll see the outcome in chat."
                    : Spoken(outcome.Result.Speak ?? outcome.Result.Text);
                return steps.End(step, said);
            case YesNo.No when state.Flow == VoiceFlow.Approvals:
                return steps.Ask(step, state with { Stage = VoiceStage.Choose, Approve = null }, "Okay, nothing was recorded.");
            case YesNo.No:
                return steps.End(step, "Okay, I haven't asked for anything.");
            default:
                return steps.NotUnderstood(step, "Sorry, I didn't get that.");
        }
    }

    private FlowOutcome Next(FlowStep step, string lead)
    {
        var next = step.State with { Index = step.State.Index + 1, Stage = VoiceStage.Choose, Approve = null };
        return next.Current is null ? steps.End(step, $"{lead} That's all your approvals.") : steps.Ask(step, next, lead);
    }

    /// <summary>The requests this member may decide now, oldest first, as words: "Ada asks to delete ticket 12 (Printer jammed)".</summary>
    private static async Task<List<SpokenApproval>> PendingAsync(ToolContext context, Guid memberId, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var selfApproval = await db.Organizations.Where(o => o.Id == context.OrganizationId).Select(o => o.AllowSelfApproval).SingleAsync(cancellationToken);
        var now = context.Now;
        var pending = await db.ApprovalRequests
            .Where(a => a.Status == ApprovalStatus.Pending && a.ExpiresAt > now)
            .Where(a => selfApproval || a.RequestedById != memberId)
            .Join(db.Members, a => a.RequestedById, m => m.Id, (a, m) => new { a.Id, a.Number, a.Summary, a.RequiredRole, Requester = m.DisplayName })
            .OrderBy(x => x.Number)
            .ToListAsync(cancellationToken);
        // Roles are stored by name: their order is compared here, not in SQL.
        return pending.Where(x => x.RequiredRole <= context.Caller.Role)
            .Select(x => new SpokenApproval(x.Id, x.Number, $"{x.Requester.Split(' ')[0]} asks to {LowerFirst(Phrase(x.Summary))}"))
            .ToList();
    }

    /// <summary>"Delete ticket #12" → "Delete ticket 12": on the phone a number is just said.</summary>
    private static string Spoken(string text) => VoiceSpeech.Clean(HashNumber().Replace(text, "$1"));

    /// <summary>A summary said inside a sentence: no closing full stop.</summary>
    private static string Phrase(string text) => Spoken(text).TrimEnd('.');

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"#(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex HashNumber();
}
