using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Audit;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Telemetry;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Bot.Core.Ai;

/// <summary>
/// The model picks among the tools the caller's role allows; each call runs through the <see cref="ToolExecutor"/>.
/// When the provider fails or is too slow, the built-in recognizer answers the same turn, and says so.
/// </summary>
public sealed class LlmRecognizer(
    IChatClient chat,
    ToolRegistry registry,
    ToolExecutor executor,
    BuiltInRecognizer fallback,
    AuditLog audit,
    IOptions<LlmOptions> options,
    ILogger<LlmRecognizer> logger) : IRecognizer
{
    public const string FallbackNote = "(The assistant is unavailable right now, so I used simple commands instead.)";

    public async Task<IReadOnlyList<Reply>> RespondAsync(string text, ToolContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var organization = await context.Db.Organizations
            .Where(o => o.Id == context.OrganizationId)
            .Select(o => new { o.Name, o.BusinessContext })
            .SingleAsync(cancellationToken);
        if (text.Length > settings.MaxInputCharacters)
        {
            Audit(context, settings, "too_large", new { characters = text.Length });
            return [new Reply(FallbackNote), .. await fallback.RespondAsync(text, context, cancellationToken)];
        }
        if (Guardrails.LooksLikeInjection(text))
        {
            audit.Record(context, "prompt_injection_suspected", "flagged", text.Length > 500 ? text[..500] : text);
        }
        var redactor = new Redactor(settings.NationalIdPatterns.Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100))));
        var outcomes = new List<ToolOutcome>();
        var tools = registry.AllowedFor(context.Caller)
            .Select(t => (AITool)new GatedToolFunction(t, executor, context, outcomes, redactor))
            .ToList();
        List<ChatMessage> messages =
        [
            new(ChatRole.System, SystemPrompt.Build(organization.Name, organization.BusinessContext, context.Caller)),
            new(ChatRole.User, redactor.Redact(text)),
        ];
        var chatOptions = new ChatOptions
        {
            ModelId = settings.Model,
            Temperature = settings.Temperature,
            MaxOutputTokens = settings.MaxOutputTokens,
            Tools = tools,
        };
        var stopwatch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        ChatResponse response;
        try
        {
            response = await chat.GetResponseAsync(messages, chatOptions, timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not DbUpdateException)
        {
            logger.LogWarning(ex, "LLM provider failed; the built-in recognizer answers this turn");
            Audit(context, settings, "failed", new { error = ex.GetType().Name, latencyMs = stopwatch.ElapsedMilliseconds });
            if (outcomes.Count > 0)
            {
                // A tool already ran in this turn; reading the text again could run it twice.
                return [new Reply($"{outcomes[^1].Result.Text} {FallbackNote}")];
            }
            var replies = await fallback.RespondAsync(text, context, cancellationToken);
            return [new Reply(FallbackNote), .. replies];
        }
        Audit(context, settings, "ok", new
        {
            model = response.ModelId ?? settings.Model,
            tokensIn = response.Usage?.InputTokenCount,
            tokensOut = response.Usage?.OutputTokenCount,
            latencyMs = stopwatch.ElapsedMilliseconds,
            toolCalls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()
                .Select(c => new { c.Name, c.Arguments }).ToList(),
        });
        context.Services.GetService<BotMetrics>()?.LlmTokensUsed(response.ModelId ?? settings.Model, response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount);
        var answer = response.Text is { Length: > 0 } said ? redactor.Restore(said) : outcomes.LastOrDefault()?.Result.Text ?? "Done.";
        if (Guardrails.LeaksSecret(answer, [settings.ApiKey, .. settings.Secrets]))
        {
            audit.Record(context, "llm_secret_blocked", "blocked");
            answer = "I can't share that.";
        }
        var card = outcomes.LastOrDefault(o => o.Result.Card is not null)?.Result.Card;
        return [new Reply(answer) { Card = card }];
    }

    private void Audit(ToolContext context, LlmOptions settings, string outcome, object detail) =>
        audit.Record(context, "llm_call", outcome, JsonSerializer.Serialize(new { provider = settings.Provider, detail }));
}
