using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OperatorOne.Bot.Core.Audit;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Audit;

namespace OperatorOne.Bot.Core.Ai;

/// <summary>One tool call of a turn: what the model sent (redacted), what it got back, and how the executor decided.</summary>
public sealed record LlmToolCall(string Name, string Arguments, string Result, ToolOutcome Outcome);

/// <summary>
/// A tool as the model sees it: same name and schema, but every call goes through the <see cref="ToolExecutor"/>, so the
/// role check and the approval gate hold whatever the prompt says. Secret parameters (a PIN) are not in the model's
/// schema and never taken from it: the tool asks for them itself, in a built-in dialog whose answer the model never sees.
/// </summary>
internal sealed class GatedToolFunction(RegisteredTool tool, ToolExecutor executor, ToolContext context, List<LlmToolCall> calls, Redactor redactor,
    AuditLog audit) : AIFunction
{
    private readonly IReadOnlySet<string> _secrets = tool.Definition.SecretParameters;

    public override string Name => tool.Function.Name;
    public override string Description => tool.Function.Description;
    public override JsonElement JsonSchema { get; } = WithoutSecrets(tool.Function.JsonSchema, tool.Definition.SecretParameters);

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var sent = new JsonObject();
        var json = new JsonObject();
        foreach (var (name, value) in arguments)
        {
            var node = value is null ? null : JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions);
            if (_secrets.Contains(name))
            {
                // Whatever the model put here came through the model; the secret must come straight from the user.
                sent[name] = "[dropped]";
                continue;
            }
            sent[name] = node?.DeepClone();
            // The model saw placeholders; the ticket gets the real address or number.
            json[name] = node is JsonValue text && text.TryGetValue<string>(out var s) ? JsonValue.Create(redactor.Restore(s)) : node;
        }
        var outcome = await executor.ExecuteAsync(new ToolCall(Name, json), context, cancellationToken);
        if (outcome is { Kind: ToolOutcomeKind.MissingArgument, MissingParameter: { } secret } && _secrets.Contains(secret))
        {
            return Record(sent, await AskForSecretAsync(json, secret, cancellationToken), outcome);
        }
        if (outcome.Kind == ToolOutcomeKind.Ran && Guardrails.LooksLikeInjection(outcome.Result.Text))
        {
            // Orders hidden in a ticket or document: the model is told they are data, and the gate holds; this records it.
            audit.Record(context, AuditKinds.PromptInjectionSuspected, "in_tool_result", tool: Name);
        }
        var result = redactor.Redact(outcome.Kind switch
        {
            ToolOutcomeKind.AwaitingApproval =>
                $"NOT DONE. This needs approval first: approval request #{outcome.Approval?.Number} was sent to the approvers. Tell the user it is awaiting approval #{outcome.Approval?.Number}.",
            ToolOutcomeKind.MissingArgument => $"NOT DONE. Ask the user for the {outcome.MissingParameter}.",
            ToolOutcomeKind.Denied or ToolOutcomeKind.Refused or ToolOutcomeKind.Failed => $"NOT DONE. {outcome.Result.Text}",
            _ => outcome.Result.Text,
        });
        return Record(sent, result, outcome);
    }

    private string Record(JsonObject sent, string result, ToolOutcome outcome)
    {
        calls.Add(new LlmToolCall(Name, sent.ToJsonString(), result, outcome));
        return result;
    }

    /// <summary>The next message answers the tool's own question and goes to the built-in recognizer (see <see cref="SecretTurns"/>).</summary>
    private async Task<string> AskForSecretAsync(JsonObject arguments, string secret, CancellationToken cancellationToken)
    {
        await Dialogs.SaveAsync(context.Db, context.OrganizationId, context.ConversationId ?? Guid.Empty, new OpenDialog(Name, arguments, secret),
            context.Now, cancellationToken);
        var question = tool.Definition.Prompts.GetValueOrDefault(secret) ?? $"What's the {secret.Replace('_', ' ')}?";
        return $"NOT DONE YET. The {secret} is secret: you must not ask for it or repeat it. Ask the user exactly this and nothing else: \"{question}\" "
            + "Their next message goes straight to the tool, and you will not see it.";
    }

    private static JsonElement WithoutSecrets(JsonElement schema, IReadOnlySet<string> secrets)
    {
        if (secrets.Count == 0 || JsonNode.Parse(schema.GetRawText()) is not JsonObject copy)
        {
            return schema;
        }
        if (copy["properties"] is JsonObject properties)
        {
            foreach (var name in secrets)
            {
                properties.Remove(name);
            }
        }
        if (copy["required"] is JsonArray required)
        {
            foreach (var item in required.Where(r => r is JsonValue v && v.TryGetValue<string>(out var n) && secrets.Contains(n)).ToList())
            {
                required.Remove(item);
            }
        }
        return JsonSerializer.SerializeToElement(copy);
    }
}
