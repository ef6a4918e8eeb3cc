namespace OperatorOne.Bot.Core.Ai;

/// <summary>"Llm:Budget": hard caps per organization; 0 means no cap. An organization's own caps replace these.</summary>
public sealed class LlmBudgetOptions
{
    public long DailyTokens { get; set; }
    public long MonthlyTokens { get; set; }
    public decimal DailyCostUsd { get; set; }
    public decimal MonthlyCostUsd { get; set; }
}
