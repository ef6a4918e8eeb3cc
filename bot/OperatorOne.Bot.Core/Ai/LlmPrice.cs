namespace OperatorOne.Bot.Core.Ai;

/// <summary>A model's price in USD per million tokens.</summary>
public sealed class LlmPrice
{
    public decimal InputPerMillion { get; set; }
    public decimal OutputPerMillion { get; set; }

    public decimal CostUsd(long inputTokens, long outputTokens) =>
        decimal.Round((inputTokens * InputPerMillion + outputTokens * OutputPerMillion) / 1_000_000m, 6);
}
