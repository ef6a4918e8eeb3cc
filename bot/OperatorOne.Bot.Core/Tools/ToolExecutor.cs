using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Approvals;
using OperatorOne.Bot.Core.Audit;
using OperatorOne.Bot.Core.Telemetry;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>
/// The only way a tool runs, whoever picked it (built-in recognizer, LLM, approval): role check, then tier check
/// (risky calls become approval requests), then the call, audited with arguments, outcome and duration.
/// </summary>
public sealed class ToolExecutor(ToolRegistry registry, ApprovalRequests approvals, AuditLog audit, BotMetrics metrics, IServiceProvider services,
    ILogger<ToolExecutor> logger)
{
    public async Task<ToolOutcome> ExecuteAsync(ToolCall call, ToolContext context, CancellationToken cancellationToken)
    {
        var tools = await registry.ForOrganizationAsync(context.Db, context.OrganizationId, cancellationToken);
        var tool = tools.Find(call.Tool);
        // Unknown names (an LLM's invention) are one tag value, and an organization's own tools another, so metrics keep a bounded set of series.
        var name = tool is null ? "unknown" : registry.IsBuiltIn(call.Tool) ? call.Tool : "custom";
        using var span = BotTelemetry.Source.StartActivity(BotTelemetry.ToolSpan);
        span?.SetTag(BotTelemetry.ToolTag, name);
        var outcome = await GateAndRunAsync(tool, call, context, cancellationToken);
        var kind = OutcomeName(outcome.Kind);
        span?.SetTag(BotTelemetry.OutcomeTag, kind);
        if (BotTelemetry.CurrentTurn() is { } turn)
        {
            turn.SetTag(BotTelemetry.ToolTag, name);
            turn.SetTag(BotTelemetry.ToolOutcomeTag, kind);
            if (outcome.Kind == ToolOutcomeKind.AwaitingApproval)
            {
                turn.SetTag(BotTelemetry.ApprovalRequestedTag, true);
            }
        }
        metrics.ToolCalled(name, kind);
        return outcome;
    }

    private static string OutcomeName(ToolOutcomeKind kind) => kind switch
    {
        ToolOutcomeKind.Ran => "ran",
        ToolOutcomeKind.Refused => "refused",
        ToolOutcomeKind.Denied => "denied",
        ToolOutcomeKind.AwaitingApproval => "awaiting_approval",
        ToolOutcomeKind.MissingArgument => "missing_argument",
        ToolOutcomeKind.Failed => "failed",
        _ => kind.ToString(),
    };

    private async Task<ToolOutcome> GateAndRunAsync(RegisteredTool? tool, ToolCall call, ToolContext context, CancellationToken cancellationToken)
    {
        if (tool is null)
        {
            return ToolOutcome.Denied($"There is no tool called '{call.Tool}'.");
        }
        if (tool.Definition.SecretParameters.Count > 0)
        {
            // Denied, refused or run: a message that reached a secret-taking tool keeps no digits in the transcript.
            await InboundRedaction.MaskDigitsAsync(context.Db, context.ConversationId, cancellationToken);
        }
        var denial = CheckRole(tool.Definition, context.Caller);
        if (denial is not null)
        {
            await audit.ToolCallAsync(context, Audited(tool.Definition, call), "denied", denial, 0, cancellationToken);
            return ToolOutcome.Denied(denial);
        }
        var missing = tool.RequiredParameters.FirstOrDefault(p => call.Arguments[p] is null);
        if (missing is not null)
        {
            return new ToolOutcome(ToolOutcomeKind.MissingArgument, ToolResult.Refused($"I need the {missing}.")) { MissingParameter = missing };
        }
        if (context.ApprovedBy is null && tool.Definition.Tier is ToolTier.RiskyWrite or ToolTier.Admin)
        {
            return await RequestApprovalAsync(tool, call, context, cancellationToken);
        }
        return await RunAsync(tool, call, context, cancellationToken);
    }

    private async Task<ToolOutcome> RequestApprovalAsync(RegisteredTool tool, ToolCall call, ToolContext context, CancellationToken cancellationToken)
    {
        try
        {
            // The thing acted on must exist before anyone is asked to approve acting on it.
            if (tool.Check is { } check && await ToolFunctions.InvokeAsync(check, call, context, services, cancellationToken) is ToolResult answer)
            {
                await audit.ToolCallAsync(context, Audited(tool.Definition, call), "refused", answer.Text, 0, cancellationToken);
                return new ToolOutcome(ToolOutcomeKind.Refused, answer with { Succeeded = false });
            }
            var deciders = await approvals.DecidersAsync(tool, context, cancellationToken);
            if (deciders.Refusal is { } nobody)
            {
                await audit.ToolCallAsync(context, Audited(tool.Definition, call), "refused", "no_approver", 0, cancellationToken);
                return new ToolOutcome(ToolOutcomeKind.Refused, ToolResult.Refused(nobody));
            }
            var request = await approvals.RequestAsync(tool, call, await SummarizeAsync(tool, call, context, cancellationToken), context, cancellationToken);
            await audit.ToolCallAsync(context, Audited(tool.Definition, call), "awaiting_approval", $"approval #{request.Number}", 0, cancellationToken);
            var summary = ApprovalSummary.ForReader(request.Summary, Recognition.NaturalDates.Zone(context.Caller.TimeZone));
            return new ToolOutcome(ToolOutcomeKind.AwaitingApproval, new ToolResult(deciders.RequesterOnly
                ? $"{summary} needs approval, and nobody else can give it. Approval request #{request.Number} is yours to confirm: "
                    + $"approve it on the card (or say \"approve {request.Number}\"); it is recorded as a self-approval."
                : $"{summary} needs approval. I've sent approval request #{request.Number} to the approvers; I'll tell you when it's decided."))
            { Approval = request };
        }
        catch (Exception ex) when (IsArgumentProblem(ex))
        {
            // Arguments the hooks cannot bind would fail the handler too: refused now, not after someone approved them.
            return await InvalidArgumentsAsync(tool, call, context, ex, 0, cancellationToken);
        }
    }

    /// <summary>
    /// The approval card's line for a call: the tool's summary, bound like its handler, or its description and arguments.
    /// Throws as the handler would when an argument cannot be bound.
    /// </summary>
    public async Task<string> SummarizeAsync(RegisteredTool tool, ToolCall call, ToolContext context, CancellationToken cancellationToken) =>
        tool.Summary is { } summary
            ? await ToolFunctions.InvokeAsync(summary, call, context, services, cancellationToken) as string ?? tool.Definition.Description
            : $"{tool.Definition.Description.TrimEnd('.')} {call.Arguments.ToJsonString()}";

    /// <summary>Why this caller may not use this tool, or null when they may.</summary>
    public static string? CheckRole(ToolDefinition tool, Caller caller)
    {
        if (caller.IsGuest)
        {
            return tool.AllowGuests ? null : $"I don't know you yet, so I can't {Describe(tool)}. Ask an admin to link your account.";
        }
        return caller.Role >= tool.MinimumRole ? null
            : $"Your role ({caller.Role.ToString().ToLowerInvariant()}) can't {Describe(tool)}; that needs {tool.MinimumRole.ToString().ToLowerInvariant()} or above.";
    }

    private async Task<ToolOutcome> RunAsync(RegisteredTool tool, ToolCall call, ToolContext context, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            // The executor's own scope supplies services: the turn's, the request's or the expiry job's, where the context's store lives too.
            var value = await ToolFunctions.InvokeAsync(tool.Function, call, context, services, cancellationToken);
            var result = value as ToolResult ?? new ToolResult(value?.ToString() ?? "Done.");
            await audit.ToolCallAsync(context, Audited(tool.Definition, call), result.Succeeded ? "ok" : "refused", result.Succeeded ? null : result.Text,
                (int)stopwatch.ElapsedMilliseconds, cancellationToken);
            return ToolOutcome.Ran(result);
        }
        catch (Exception ex) when (IsArgumentProblem(ex))
        {
            return await InvalidArgumentsAsync(tool, call, context, ex, (int)stopwatch.ElapsedMilliseconds, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Tool {Tool} failed", tool.Name);
            await audit.ToolCallAsync(context, Audited(tool.Definition, call), "failed", ex.GetType().Name, (int)stopwatch.ElapsedMilliseconds, cancellationToken);
            return new ToolOutcome(ToolOutcomeKind.Failed, ToolResult.Refused("Something went wrong on my side; nothing was changed. Please try again."));
        }
    }

    /// <summary>Whether a handler or hook failed because the call's arguments could not be bound (a refusal, not a fault).</summary>
    public static bool IsArgumentProblem(Exception ex) => ex is JsonException or ArgumentException or FormatException or InvalidCastException;

    private async Task<ToolOutcome> InvalidArgumentsAsync(RegisteredTool tool, ToolCall call, ToolContext context, Exception ex, int milliseconds,
        CancellationToken cancellationToken)
    {
        await audit.ToolCallAsync(context, Audited(tool.Definition, call), "invalid_arguments", ex.Message, milliseconds, cancellationToken);
        return new ToolOutcome(ToolOutcomeKind.Refused,
            ToolResult.Refused($"I couldn't use those details for \"{ApprovalCards.ActionName(tool.Name).ToLowerInvariant()}\": {FirstLine(ex.Message)}"));
    }

    private static string Describe(ToolDefinition tool) => tool.Description.TrimEnd('.').ToLowerInvariant() switch
    {
        var d when d.Length > 0 => char.ToLowerInvariant(d[0]) + d[1..],
        _ => tool.Name,
    };

    /// <summary>The call as the audit trail keeps it: secret parameters (a PIN) masked.</summary>
    internal static ToolCall Audited(ToolDefinition tool, ToolCall call)
    {
        if (!call.Arguments.Any(a => tool.SecretParameters.Contains(a.Key)))
        {
            return call;
        }
        var masked = (JsonObject)call.Arguments.DeepClone();
        foreach (var name in tool.SecretParameters.Where(masked.ContainsKey))
        {
            masked[name] = "[redacted]";
        }
        return call with { Arguments = masked };
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    internal static MemberRole ApproverRoleFor(ToolDefinition tool) =>
        tool.Tier == ToolTier.Admin ? MemberRole.Admin : tool.ApproverRole;
}
