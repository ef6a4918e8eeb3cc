using OperatorOne.Data.Approvals;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>How a call ended: ran, refused by the gate, waiting for approval, or missing a required argument.</summary>
public sealed record ToolOutcome(ToolOutcomeKind Kind, ToolResult Result)
{
    public ApprovalRequest? Approval { get; init; }
    public string? MissingParameter { get; init; }

    public static ToolOutcome Ran(ToolResult result) => new(result.Succeeded ? ToolOutcomeKind.Ran : ToolOutcomeKind.Refused, result);
    public static ToolOutcome Denied(string reason) => new(ToolOutcomeKind.Denied, ToolResult.Refused(reason));
}

public enum ToolOutcomeKind
{
    Ran,
    Refused,
    Denied,
    AwaitingApproval,
    MissingArgument,
    Failed,
}
