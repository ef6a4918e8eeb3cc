using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Audit;

namespace OperatorOne.Bot.Core.Ai;

/// <summary>Hard caps on tokens and cost per organization per UTC day and month, summed from the audited llm_call rows.</summary>
public static class LlmBudget
{
    /// <summary>"today" or "this month" when a cap is reached, null while there is budget left. A cap of 0 is no cap.</summary>
    public static string? ExhaustedPeriod(LlmSpend spent, LlmBudgetOptions caps) =>
        Reached(spent.TokensToday, caps.DailyTokens) || Reached(spent.CostToday, caps.DailyCostUsd) ? "today"
        : Reached(spent.TokensThisMonth, caps.MonthlyTokens) || Reached(spent.CostThisMonth, caps.MonthlyCostUsd) ? "this month"
        : null;

    public static string Notice(string period) =>
        $"The assistant's AI budget is used up for {period}; I'll use simple commands until then.";

    /// <summary>The first instant of the period, for "said once per conversation per period".</summary>
    public static DateTimeOffset PeriodStart(string period, DateTimeOffset now) =>
        period == "today" ? DayStart(now) : MonthStart(now);

    public static async Task<LlmSpend> SpentAsync(OperatorOneDb db, Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = DayStart(now);
        var month = MonthStart(now);
        // The same keys the admin API usage endpoint reads; rows without them count as zero.
        var rows = await db.Database.SqlQuery<LlmSpend>($"""
            SELECT
              coalesce(sum(CASE WHEN created_at >= {day} THEN tokens END), 0)::bigint AS "TokensToday",
              coalesce(sum(tokens), 0)::bigint AS "TokensThisMonth",
              coalesce(sum(CASE WHEN created_at >= {day} THEN cost END), 0)::numeric AS "CostToday",
              coalesce(sum(cost), 0)::numeric AS "CostThisMonth"
            FROM (
              SELECT created_at,
                     coalesce((detail->>'inputTokens')::bigint, 0) + coalesce((detail->>'outputTokens')::bigint, 0) AS tokens,
                     coalesce((detail->>'costUsd')::numeric, 0) AS cost
              FROM audit_events
              WHERE organization_id = {organizationId} AND kind = {AuditKinds.LlmCall} AND created_at >= {month}
                AND jsonb_typeof(detail) = 'object'
            ) AS calls
            """).ToListAsync(cancellationToken);
        return rows.Single();
    }

    private static bool Reached(long used, long cap) => cap > 0 && used >= cap;

    private static bool Reached(decimal used, decimal cap) => cap > 0 && used >= cap;

    private static DateTimeOffset DayStart(DateTimeOffset now) => new(now.UtcDateTime.Date, TimeSpan.Zero);

    private static DateTimeOffset MonthStart(DateTimeOffset now) => new(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
}
