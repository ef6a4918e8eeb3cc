using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Ai;

/// <summary>One tool call of a turn: what the model sent (redacted), what it got back, and how the executor decided.</summary>
public sealed record LlmToolCall(string Name, string Arguments, string Result, ToolOutcome Outcome);

/// <summary>
/// A tool as the model sees it: same name and schema, but every call goes through the <see cref="ToolExecutor"/>, so the
/// role check and the approval gate hold whatever the prompt says.
/// </summary>
internal sealed class GatedToolFunction(RegisteredTool tool, ToolExecutor executor, ToolContext context, List<LlmToolCall> calls, Redactor redactor) : AIFunction
{
    public override string Name => tool.Function.Name;
    public override string Description => tool.Function.Description;
    public override JsonElement JsonSchema => tool.Function.JsonSchema;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var sent = new JsonObject();
        var json = new JsonObject();
        foreach (var (name, value) in arguments)
        {
            var node = value is null ? null : JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions);
            sent[name] = node?.DeepClone();
            // The model saw placeholders; the ticket gets the real address or number.
            json[name] = node is JsonValue text && text.TryGetValue<string>(out var s) ? JsonValue.Create(redactor.Restore(s)) : node;
        }
        var outcome = await executor.ExecuteAsync(new ToolCall(Name, json), context, cancellationToken);
        var result = redactor.Redact(outcome.Kind switch
        {
            ToolOutcomeKind.AwaitingApproval =>
                $"NOT DONE. This needs approval first: approval request #{outcome.Approval?.Number} was sent to the approvers. Tell the user it is awaiting approval #{outcome.Approval?.Number}.",
            ToolOutcomeKind.MissingArgument => $"NOT DONE. Ask the user for the {outcome.MissingParameter}.",
            ToolOutcomeKind.Denied or ToolOutcomeKind.Refused or ToolOutcomeKind.Failed => $"NOT DONE. {outcome.Result.Text}",
            _ => outcome.Result.Text,
        });
        calls.Add(new LlmToolCall(Name, sent.ToJsonString(), result, outcome));
        return result;
    }
}
