using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Understands without a network: each tool's utterance patterns pick the tool and its slots; a missing required
/// slot opens a dialog that asks for it, and the next turn (on any replica) fills it.
/// </summary>
public sealed class BuiltInRecognizer(ToolRegistry registry, ToolExecutor executor) : IRecognizer
{
    private static readonly HashSet<string> CancelWords = new(StringComparer.OrdinalIgnoreCase) { "cancel", "stop", "never mind", "nevermind", "forget it", "abort" };

    public async Task<IReadOnlyList<Reply>> RespondAsync(string text, ToolContext context, CancellationToken cancellationToken)
    {
        var normalized = UtteranceMatcher.Normalize(text);
        var conversationId = context.ConversationId ?? Guid.Empty;
        var dialog = await Dialogs.LoadAsync(context.Db, conversationId, context.Now, cancellationToken);
        // Dates are read in the caller's time zone: "3pm" to a member in Berlin is 3pm in Berlin.
        var zone = NaturalDates.Zone(context.Caller.TimeZone);
        // The organization's own tools too: a custom tool's example phrasings are utterances like any other.
        var tools = await registry.ForOrganizationAsync(context.Db, context.OrganizationId, cancellationToken);
        var reading = UtteranceReader.Read(normalized, tools.All, context.Now, zone);

        if (dialog is not null && CancelWords.Contains(normalized))
        {
            await Dialogs.CloseAsync(context.Db, conversationId, cancellationToken);
            return [new Reply("OK, I've dropped that.")];
        }
        if (dialog is not null && IsAnswer(reading, dialog) && tools.Find(dialog.Tool) is { } pendingTool)
        {
            var answer = Choices.Pick(text, dialog.Choices) ?? text;
            var (value, problem) = reading is null ? SlotValues.Convert(pendingTool, dialog.AwaitingSlot, answer, context.Now, zone)
                : (reading.Arguments[dialog.AwaitingSlot]?.DeepClone(), null);
            if (problem is not null)
            {
                return [new Reply($"{problem} (or say 'cancel')")];
            }
            dialog.Slots[dialog.AwaitingSlot] = value;
            return await CallAsync(pendingTool, dialog.Slots, context, cancellationToken);
        }
        if (dialog is not null)
        {
            // A new command replaces an unfinished one.
            await Dialogs.CloseAsync(context.Db, conversationId, cancellationToken);
        }
        if (reading is null)
        {
            return [new Reply("Sorry, I didn't understand that. Type 'help' to see what I can do.")];
        }
        if (reading.Problem is not null)
        {
            return [new Reply(reading.Problem)];
        }
        return await CallAsync(reading.Tool, reading.Arguments, context, cancellationToken);
    }

    /// <summary>
    /// Nothing recognised, or only a look-up naming the awaited value ("ticket 12" after "Which ticket?"): both answer
    /// the open question rather than start something new.
    /// </summary>
    private static bool IsAnswer(Reading? reading, OpenDialog dialog) =>
        reading is null
        || (reading.Problem is null && reading.Tool.Definition.Tier == ToolTier.ReadOnly && reading.Arguments.Count == 1
            && reading.Arguments.ContainsKey(dialog.AwaitingSlot));

    private async Task<IReadOnlyList<Reply>> CallAsync(RegisteredTool tool, JsonObject arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var conversationId = context.ConversationId ?? Guid.Empty;
        var outcome = await executor.ExecuteAsync(new ToolCall(tool.Name, arguments), context, cancellationToken);
        if (outcome.Kind == ToolOutcomeKind.MissingArgument && outcome.MissingParameter is { } missing)
        {
            await Dialogs.SaveAsync(context.Db, context.OrganizationId, conversationId, new OpenDialog(tool.Name, arguments, missing), context.Now, cancellationToken);
            var question = tool.Definition.Prompts.GetValueOrDefault(missing) ?? $"What's the {missing.Replace('_', ' ')}?";
            return [new Reply(question)];
        }
        if (outcome.Result.Clarify is { } clarify)
        {
            arguments.Remove(clarify.Parameter);
            var dialog = new OpenDialog(tool.Name, arguments, clarify.Parameter) { Choices = clarify.Choices };
            await Dialogs.SaveAsync(context.Db, context.OrganizationId, conversationId, dialog, context.Now, cancellationToken);
            return [new Reply(outcome.Result.Text)];
        }
        await Dialogs.CloseAsync(context.Db, conversationId, cancellationToken);
        return [new Reply(outcome.Result.Text) { Card = outcome.Result.Card, Speak = outcome.Result.Speak }];
    }
}
