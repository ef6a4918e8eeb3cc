using System.Text.Json;
using Microsoft.Extensions.AI;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data.Audit;

namespace OperatorOne.Bot.Core.Ai;

/// <summary>What one request to the provider was: sent and received (redacted, as sent), tokens, latency, cost, tool calls.</summary>
public sealed record LlmExchange
{
    public required string Provider { get; init; }
    public required string Purpose { get; init; }
    public required string Model { get; init; }
    public required IReadOnlyList<ChatMessage> Request { get; init; }
    public ChatResponse? Response { get; init; }
    public IReadOnlyList<LlmToolCall> ToolCalls { get; init; } = [];
    public long LatencyMs { get; init; }
    public string? Error { get; init; }
}

/// <summary>
/// Writes one llm_call audit row per exchange, in the turn's unit of work. Its detail carries inputTokens, outputTokens and
/// costUsd at the top level: the budget and the admin API's usage endpoint both sum those keys.
/// </summary>
public static class LlmAudit
{
    public static AuditEvent Record(ToolContext context, LlmExchange exchange, IReadOnlyDictionary<string, LlmPrice> prices)
    {
        var input = exchange.Response?.Usage?.InputTokenCount ?? 0;
        var output = exchange.Response?.Usage?.OutputTokenCount ?? 0;
        var cost = prices.TryGetValue(exchange.Model, out var price) ? price.CostUsd(input, output) : 0m;
        var detail = new
        {
            provider = exchange.Provider,
            purpose = exchange.Purpose,
            model = exchange.Model,
            responseModel = exchange.Response?.ModelId,
            turn = context.TurnId,
            inputTokens = input,
            outputTokens = output,
            costUsd = cost,
            latencyMs = exchange.LatencyMs,
            error = exchange.Error,
            request = exchange.Request.Select(Describe).ToList(),
            response = exchange.Response?.Messages.Select(Describe).ToList(),
            toolCalls = exchange.ToolCalls.Select(c => new
            {
                name = c.Name,
                arguments = c.Arguments,
                result = c.Result,
                outcome = c.Outcome.Kind.ToString(),
                approvalId = c.Outcome.Approval?.Id,
                approvalNumber = c.Outcome.Approval?.Number,
            }).ToList(),
        };
        var row = new AuditEvent
        {
            OrganizationId = context.OrganizationId,
            MemberId = context.Caller.MemberId,
            ConversationId = context.ConversationId,
            Kind = AuditKinds.LlmCall,
            Outcome = exchange.Error is null ? "ok" : "failed",
            Detail = JsonSerializer.Serialize(detail),
            DurationMs = (int)Math.Min(int.MaxValue, exchange.LatencyMs),
            CreatedAt = context.Now,
        };
        context.Db.AuditEvents.Add(row);
        return row;
    }

    private static object Describe(ChatMessage message) => new
    {
        role = message.Role.Value,
        text = message.Text,
        calls = message.Contents.OfType<FunctionCallContent>().Select(c => new { c.Name, c.Arguments }).ToList(),
        results = message.Contents.OfType<FunctionResultContent>().Select(r => r.Result?.ToString()).ToList(),
    };
}
