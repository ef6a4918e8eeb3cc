using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Conversations;

namespace OperatorOne.AdminApi.Usage;

/// <summary>
/// Usage per UTC day: turns from the transcript, tool calls from the audit log, LLM tokens and cost from audit events
/// of kind llm_call whose detail carries {"inputTokens", "outputTokens", "costUsd"} (at its root or under "detail").
/// </summary>
internal static class UsageEndpoints
{
    public static void MapUsage(this RouteGroupBuilder organization) =>
        organization.MapGet("/usage", GetAsync).WithTags("Usage")
            .WithSummary("Turns, tool calls, LLM tokens and cost per UTC day, for from..to (default: the last 30 days, at most 366).");

    internal static async Task<Results<Ok<List<UsageDay>>, ValidationProblem>> GetAsync(
        OperatorOneDb db, TimeProvider clock, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var last = to ?? today;
        var first = from ?? last.AddDays(-29);
        if (first > last || last.DayNumber - first.DayNumber > 365)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["'from' must be on or before 'to', at most 366 days apart."] });
        }
        var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var turns = await db.TranscriptMessages.Where(t => t.Direction == MessageDirection.Inbound && t.CreatedAt >= start && t.CreatedAt < end)
            .Select(t => t.CreatedAt).ToListAsync(cancellationToken);
        var toolCalls = await db.AuditEvents.Where(e => (e.Kind == AuditKinds.ToolCall || e.Kind == AuditKinds.ApprovedToolCall) && e.CreatedAt >= start && e.CreatedAt < end)
            .Select(e => e.CreatedAt).ToListAsync(cancellationToken);
        var llmCalls = await db.AuditEvents.Where(e => e.Kind == AuditKinds.LlmCall && e.CreatedAt >= start && e.CreatedAt < end)
            .Select(e => new { e.CreatedAt, e.Detail }).ToListAsync(cancellationToken);

        var days = new List<UsageDay>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            bool On(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime) == day;
            var llm = llmCalls.Where(c => On(c.CreatedAt)).Select(c => LlmUsage.Read(c.Detail)).ToList();
            days.Add(new UsageDay(day, turns.Count(On), toolCalls.Count(On), llm.Count,
                llm.Sum(u => u.InputTokens), llm.Sum(u => u.OutputTokens), llm.Sum(u => u.CostUsd)));
        }
        return TypedResults.Ok(days);
    }
}

internal sealed record UsageDay(DateOnly Day, int Turns, int ToolCalls, int LlmCalls, long InputTokens, long OutputTokens, decimal CostUsd);

internal sealed record LlmUsage(long InputTokens, long OutputTokens, decimal CostUsd)
{
    /// <summary>Reads what an llm_call event recorded; anything missing or malformed counts as zero.</summary>
    public static LlmUsage Read(string? detail)
    {
        try
        {
            if (detail is null || JsonDocument.Parse(detail).RootElement is not { ValueKind: JsonValueKind.Object } root)
            {
                return new(0, 0, 0);
            }
            // The recognizer may nest its numbers under "detail" beside the provider's name.
            if (!root.TryGetProperty("inputTokens", out _) && root.TryGetProperty("detail", out var nested) && nested.ValueKind == JsonValueKind.Object)
            {
                root = nested;
            }
            return new(Long(root, "inputTokens"), Long(root, "outputTokens"),
                root.TryGetProperty("costUsd", out var cost) && cost.ValueKind == JsonValueKind.Number && cost.TryGetDecimal(out var c) ? c : 0);
        }
        catch (JsonException)
        {
            return new(0, 0, 0);
        }
    }

    private static long Long(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;
}
