using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Approvals;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>
/// Hands a call on with the surroundings of the one running: to another tool through the executor's gate (an admin
/// cancelling someone else's event becomes an approval request), or to an approval decision along the path a click on
/// the card takes. A tool asks for it as a parameter, so no tool takes the whole <see cref="ToolContext"/>.
/// </summary>
public sealed class CallHandOff(ToolContext context, IServiceProvider services)
{
    /// <summary>Runs <paramref name="tool"/> as this call's caller: role check, tier check, audit, as any call.</summary>
    public async Task<ToolResult> ToToolAsync(string tool, JsonObject arguments, CancellationToken cancellationToken) =>
        (await services.GetRequiredService<ToolExecutor>().ExecuteAsync(new ToolCall(tool, arguments), context, cancellationToken)).Result;

    /// <summary>Decides an approval as this call's caller, exactly once, as a click on its card would.</summary>
    public Task<ToolResult> ToDecisionAsync(ApprovalDecision decision, CancellationToken cancellationToken) =>
        services.GetRequiredService<ApprovalDecisions>().DecideAsync(decision, context, cancellationToken);
}
