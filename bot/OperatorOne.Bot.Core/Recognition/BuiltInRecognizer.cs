using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Understands without a network: each tool's utterance patterns pick the tool and its slots; when none explains the
/// sentence, the sentence model picks the likeliest tool and the slots are read in any word order; when that is not
/// clear, the likeliest tools are offered as choices and the miss is recorded for admins. A missing required slot
/// opens a dialog that asks for it, and the next turn (on any replica) fills it.
/// </summary>
public sealed class BuiltInRecognizer(ToolRegistry registry, ToolExecutor executor, SemanticIntents semantic, IOptions<UnderstandingThresholds> thresholds)
    : IRecognizer
{
    public const string NotUnderstood = "Sorry, I didn't understand that. Type 'help' to see what I can do.";

    /// <summary>The open "did you mean" question is a dialog on no tool: its answer picks one of the choices.</summary>
    private const string ChoiceDialog = "$choose";

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
        // Names are checked against the organization's own members, queues, teams and CRM records, so "assign it to ada" finds Ada.
        // They are read only for a sentence that may name someone (its tool takes a name, or no pattern explains it):
        // which tool a pattern picks never depends on them, and "help" or "show my tickets" costs no query for them.
        var reading = UtteranceReader.Read(normalized, tools.All, context.Now, zone);
        var names = Gazetteer.Empty;
        if (reading is null || KnownNames.TakesNames(reading.Tool))
        {
            names = await OrganizationNames.LoadAsync(context.Db, context.OrganizationId, cancellationToken);
            reading = UtteranceReader.Read(normalized, tools.All, context.Now, zone, names);
        }

        if (dialog is not null && CancelWords.Contains(normalized))
        {
            await Dialogs.CloseAsync(context.Db, conversationId, cancellationToken);
            return [new Reply("OK, I've dropped that.")];
        }
        if (dialog is { Tool: ChoiceDialog } && Choices.Pick(text, dialog.Choices) is { } title
            && dialog.Slots["offered"]?[dialog.Choices.ToList().IndexOf(title)] is JsonObject offered && ToolChoice.TryRead(offered) is { } picked)
        {
            return await ChooseAsync(picked, context, cancellationToken);
        }
        if (dialog is not null && dialog.Tool != ChoiceDialog && IsAnswer(reading, dialog) && tools.Find(dialog.Tool) is { } pendingTool)
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
            return await GuessAsync(text, zone, names, context, cancellationToken);
        }
        if (SentenceReader.Overruled(reading, text, registry.All, context.Now, zone, semantic.Current, thresholds.Value, names) is { Reading: { } better })
        {
            return await CallAsync(better.Tool, better.Arguments, context, cancellationToken);
        }
        if (reading.Problem is not null)
        {
            return [new Reply(reading.Problem)];
        }
        return await CallAsync(reading.Tool, reading.Arguments, context, cancellationToken);
    }

    /// <summary>A "did you mean" button (or its number typed or said): runs that tool, asking for what it still needs.</summary>
    public async Task<IReadOnlyList<Reply>> ChooseAsync(ToolChoice choice, ToolContext context, CancellationToken cancellationToken)
    {
        await Dialogs.CloseAsync(context.Db, context.ConversationId ?? Guid.Empty, cancellationToken);
        if (registry.Find(choice.Tool) is not { } tool)
        {
            return [new Reply(NotUnderstood)];
        }
        if (choice.MissId is { } missId)
        {
            await RecognitionMisses.ChosenAsync(context, missId, tool.Name, cancellationToken);
        }
        // Only the tool's own parameters are kept from the client's copy of the choice.
        var arguments = new JsonObject();
        foreach (var name in tool.ParameterNames.Where(choice.Arguments.ContainsKey))
        {
            arguments[name] = choice.Arguments[name]?.DeepClone();
        }
        return await CallAsync(tool, arguments, context, cancellationToken);
    }

    /// <summary>No pattern explains the sentence: act on a clear guess, offer the likeliest tools on an unclear one.</summary>
    private async Task<IReadOnlyList<Reply>> GuessAsync(string text, TimeZoneInfo zone, Gazetteer names, ToolContext context, CancellationToken cancellationToken)
    {
        var understanding = SentenceReader.Guess(text, registry.All, context.Now, zone, semantic.Current, thresholds.Value, names);
        if (understanding is { Kind: UnderstandingKind.Confident, Reading: { } guess })
        {
            return await CallAsync(guess.Tool, guess.Arguments, context, cancellationToken);
        }
        var allowed = understanding.Candidates.Where(c => registry.AllowedFor(context.Caller).Contains(c.Tool)).ToList();
        var miss = RecognitionMisses.Record(context, text, understanding);
        if (understanding.Kind == UnderstandingKind.Unknown || allowed.Count == 0)
        {
            return [new Reply(NotUnderstood)];
        }
        var reply = ChoiceCard.Build(allowed, miss.Id);
        var offered = new JsonArray([.. allowed.Select(c => (JsonNode)new ToolChoice(c.Tool.Name, c.Arguments, miss.Id).ToData())]);
        var dialog = new OpenDialog(ChoiceDialog, new JsonObject { ["offered"] = offered }, "choice")
        {
            Choices = [.. allowed.Select(ChoiceCard.Title)],
        };
        await Dialogs.SaveAsync(context.Db, context.OrganizationId, context.ConversationId ?? Guid.Empty, dialog, context.Now, cancellationToken);
        return [reply];
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
