namespace OperatorOne.Bot.Core.Ai;

/// <summary>What an organization's LLM calls have used so far this UTC day and month, from the llm_call audit rows.</summary>
public sealed class LlmSpend
{
    public long TokensToday { get; set; }
    public long TokensThisMonth { get; set; }
    public decimal CostToday { get; set; }
    public decimal CostThisMonth { get; set; }
}
