using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Audit;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Telemetry;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Audit;

namespace OperatorOne.Bot.Core.Ai;

/// <summary>
/// The model picks among the tools the caller's role allows; each call runs through the <see cref="ToolExecutor"/>.
/// When the provider fails or is too slow, or the organization's AI budget is used up, the built-in recognizer answers
/// the same turn, and says so.
/// </summary>
public sealed class LlmRecognizer(
    IChatClient chat,
    ToolRegistry registry,
    ToolExecutor executor,
    BuiltInRecognizer fallback,
    AuditLog audit,
    BotMetrics metrics,
    IOptions<LlmOptions> options,
    ILogger<LlmRecognizer> logger) : IRecognizer
{
    public const string FallbackNote = "(The assistant is unavailable right now, so I used simple commands instead.)";

    public async Task<IReadOnlyList<Reply>> RespondAsync(string text, ToolContext context, CancellationToken cancellationToken)
    {
        if (await SecretTurns.CarriesSecretAsync(text, context, registry, cancellationToken))
        {
            // A PIN being set, or the answer to "what PIN?": never sent, whatever the budget (see SecretTurns).
            audit.Record(context, AuditKinds.LlmSkipped, "secret");
            return await fallback.RespondAsync(text, context, cancellationToken);
        }
        var config = options.Value;
        var settings = await ModelSettings.LoadAsync(context.Db, context.OrganizationId, config, cancellationToken);
        if (text.Length > config.MaxInputCharacters)
        {
            audit.Record(context, AuditKinds.LlmSkipped, "too_large", $"{text.Length} characters");
            return [new Reply(FallbackNote), .. await fallback.RespondAsync(text, context, cancellationToken)];
        }
        var spent = await LlmBudget.SpentAsync(context.Db, context.OrganizationId, context.Now, cancellationToken);
        if (LlmBudget.ExhaustedPeriod(spent, settings.Caps) is { } period)
        {
            return await OverBudgetAsync(period, text, context, cancellationToken);
        }
        if (Guardrails.LooksLikeInjection(text))
        {
            audit.Record(context, AuditKinds.PromptInjectionSuspected, "flagged", text.Length > 500 ? text[..500] : text);
        }
        var redactor = new Redactor(config.NationalIdPatterns.Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100))));
        var history = await HistoryAsync(context, redactor, config, settings, cancellationToken);
        var calls = new List<LlmToolCall>();
        var tools = (await registry.ForOrganizationAsync(context.Db, context.OrganizationId, cancellationToken)).AllowedFor(context.Caller)
            .Select(t => (AITool)new GatedToolFunction(t, executor, context, calls, redactor, audit))
            .ToList();
        List<ChatMessage> messages =
        [
            new(ChatRole.System, SystemPrompt.Build(settings.OrganizationName, settings.BusinessContext, context.Caller, context.Now, redactor.Redact(history.Summary))),
            .. history.Turns.Select(t => new ChatMessage(t.FromUser ? ChatRole.User : ChatRole.Assistant, redactor.Redact(t.Text))),
            new(ChatRole.User, redactor.Redact(text)),
        ];
        if (Redactor.HasSecret(text))
        {
            // A PIN mentioned in passing: the provider sees a placeholder, and the transcript keeps no digits either.
            await InboundRedaction.MaskDigitsAsync(context.Db, context.ConversationId, cancellationToken);
        }
        var chatOptions = new ChatOptions
        {
            ModelId = settings.Model,
            Temperature = settings.Temperature,
            MaxOutputTokens = settings.MaxOutputTokens,
            Tools = tools,
        };
        var exchange = new LlmExchange { Provider = config.Provider ?? "", Purpose = "turn", Model = settings.Model, Request = [.. messages] };
        var stopwatch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(config.TimeoutSeconds));
        ChatResponse response;
        try
        {
            response = await chat.GetResponseAsync(messages, chatOptions, timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not DbUpdateException)
        {
            logger.LogWarning(ex, "LLM provider failed; the built-in recognizer answers this turn");
            LlmAudit.Record(context, exchange with { ToolCalls = calls, Error = ex.GetType().Name, LatencyMs = stopwatch.ElapsedMilliseconds }, config.Prices);
            if (calls.Count > 0)
            {
                // A tool already ran in this turn; reading the text again could run it twice.
                return [new Reply($"{calls[^1].Outcome.Result.Text} {FallbackNote}")];
            }
            var replies = await fallback.RespondAsync(text, context, cancellationToken);
            return [new Reply(FallbackNote), .. replies];
        }
        LlmAudit.Record(context, exchange with { Response = response, ToolCalls = calls, LatencyMs = stopwatch.ElapsedMilliseconds }, config.Prices);
        metrics.LlmTokensUsed(response.ModelId ?? settings.Model, response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount);
        var answer = response.Text is { Length: > 0 } said ? redactor.Restore(said) : calls.LastOrDefault()?.Outcome.Result.Text ?? "Done.";
        if (Guardrails.LeaksSecret(answer, [config.ApiKey, .. config.Secrets]))
        {
            audit.Record(context, AuditKinds.LlmSecretBlocked, "blocked");
            answer = "I can't share that.";
        }
        var card = calls.LastOrDefault(c => c.Outcome.Result.Card is not null)?.Outcome.Result.Card;
        return [new Reply(answer) { Card = card }];
    }

    /// <summary>The built-in recognizer answers; the notice is given once per conversation per period.</summary>
    private async Task<IReadOnlyList<Reply>> OverBudgetAsync(string period, string text, ToolContext context, CancellationToken cancellationToken)
    {
        var since = LlmBudget.PeriodStart(period, context.Now);
        var told = await context.Db.AuditEvents.AnyAsync(
            e => e.Kind == AuditKinds.LlmBudgetExhausted && e.ConversationId == context.ConversationId && e.CreatedAt >= since, cancellationToken);
        var replies = await fallback.RespondAsync(text, context, cancellationToken);
        if (told)
        {
            return replies;
        }
        audit.Record(context, AuditKinds.LlmBudgetExhausted, "noticed", period);
        return [new Reply(LlmBudget.Notice(period)), .. replies];
    }

    /// <summary>The stored summary (updated first when enough dropped turns are due) and the recent turns that fit the budget.</summary>
    private async Task<(string Summary, IReadOnlyList<MemoryTurn> Turns)> HistoryAsync(ToolContext context, Redactor redactor, LlmOptions config,
        ModelSettings settings, CancellationToken cancellationToken)
    {
        if (context.ConversationId is not { } conversationId
            || await context.Db.Conversations.FindAsync([conversationId], cancellationToken) is not { } conversation)
        {
            return ("", []);
        }
        var memory = config.Memory;
        var earlier = await ConversationMemory.LoadAsync(context.Db, conversationId, conversation.SummaryThroughMessageId, memory.MaxMessages, cancellationToken);
        var trimmed = ConversationMemory.Trim(earlier, memory.TokenBudget, memory.CharactersPerToken);
        if (ConversationSummary.Due(trimmed, memory) is { Count: > 0 } due)
        {
            await ConversationSummary.UpdateAsync(chat, conversation, due, redactor, context, config, settings, cancellationToken);
        }
        return (conversation.Summary, trimmed.Kept);
    }
}
