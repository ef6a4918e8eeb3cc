using OperatorOne.Bot.Core.Ai;

namespace OperatorOne.Tests.Ai;

/// <summary>The memory trim, the summary trigger, the budget decision and the price, without a host.</summary>
public sealed class AiDecisionTests
{
    private static MemoryTurn Turn(long id, int characters) => new(id, id % 2 == 1, new string('x', characters));

    [Fact]
    public void TheNewestTurnsThatFitAreKeptAndTheOldestDropped()
    {
        var trimmed = ConversationMemory.Trim([Turn(1, 40), Turn(2, 40), Turn(3, 40), Turn(4, 40)], tokenBudget: 25, charactersPerToken: 4);

        Assert.Equal([3, 4], trimmed.Kept.Select(t => t.Id));
        Assert.Equal([1, 2], trimmed.Dropped.Select(t => t.Id));
    }

    [Fact]
    public void ATurnOlderThanADroppedOneIsNeverKept()
    {
        var trimmed = ConversationMemory.Trim([Turn(1, 4), Turn(2, 400), Turn(3, 8)], tokenBudget: 10, charactersPerToken: 4);

        Assert.Equal([3], trimmed.Kept.Select(t => t.Id));
        Assert.Equal([1, 2], trimmed.Dropped.Select(t => t.Id));
    }

    [Fact]
    public void TokensAreEstimatedFromCharactersRoundedUp()
    {
        Assert.Equal(0, ConversationMemory.EstimateTokens("", 4));
        Assert.Equal(1, ConversationMemory.EstimateTokens("abc", 4));
        Assert.Equal(2, ConversationMemory.EstimateTokens("abcde", 4));
    }

    [Fact]
    public void ASummaryIsDueOnlyOnceEnoughDroppedTextPiledUp()
    {
        var options = new LlmMemoryOptions { SummarizeAfterTokens = 20, CharactersPerToken = 4 };

        Assert.Empty(ConversationSummary.Due(new TrimmedMemory([], [Turn(1, 40)]), options));
        Assert.Equal(2, ConversationSummary.Due(new TrimmedMemory([], [Turn(1, 40), Turn(2, 40)]), options).Count);
    }

    [Theory]
    [InlineData(999, 0, 0, 0, null)]
    [InlineData(1000, 0, 0, 0, "today")]
    [InlineData(0, 5000, 0, 0, "this month")]
    [InlineData(0, 0, 0.5, 0, "today")]
    [InlineData(0, 0, 0, 20, "this month")]
    public void ABudgetIsUsedUpWhenAnyCapIsReached(long tokensToday, long tokensMonth, double costToday, double costMonth, string? period)
    {
        var caps = new LlmBudgetOptions { DailyTokens = 1000, MonthlyTokens = 5000, DailyCostUsd = 0.5m, MonthlyCostUsd = 20m };
        var spent = new LlmSpend
        {
            TokensToday = tokensToday, TokensThisMonth = Math.Max(tokensToday, tokensMonth),
            CostToday = (decimal)costToday, CostThisMonth = (decimal)Math.Max(costToday, costMonth),
        };

        Assert.Equal(period, LlmBudget.ExhaustedPeriod(spent, caps));
    }

    [Fact]
    public void ACapOfZeroIsNoCap()
    {
        Assert.Null(LlmBudget.ExhaustedPeriod(new LlmSpend { TokensToday = 10_000_000, CostThisMonth = 1000m }, new LlmBudgetOptions()));
    }

    [Fact]
    public void CostIsPricedPerMillionInputAndOutputTokens()
    {
        var price = new LlmPrice { InputPerMillion = 2.5m, OutputPerMillion = 10m };

        Assert.Equal(0.0006m, price.CostUsd(120, 30));
        Assert.Equal(12.5m, price.CostUsd(1_000_000, 1_000_000));
    }

    [Fact]
    public void TheMonthStartsOnTheFirstAndTheDayAtMidnightUtc()
    {
        var now = new DateTimeOffset(2026, 11, 22, 1, 30, 0, TimeSpan.FromHours(3));

        Assert.Equal(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero), LlmBudget.PeriodStart("today", now));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), LlmBudget.PeriodStart("this month", now));
    }
}
