namespace OperatorOne.Bot.Core.Turns;

/// <summary>What the channel learns from the core: the turn finished (with its result), or it was accepted and goes on.</summary>
public abstract record TurnOutcome
{
    private TurnOutcome() { }

    /// <summary>Finished within the budget: its effects and replies are committed; a push channel's replies may still be on their way.</summary>
    public sealed record Completed(TurnResult Result) : TurnOutcome;

    /// <summary>
    /// Still running past the budget, and stored so that any replica finishes it: the channel acknowledges now and the
    /// replies arrive through the outbox (or are read from the transcript by a channel that asks for them).
    /// </summary>
    public sealed record Accepted : TurnOutcome;

    public static Accepted Later { get; } = new();
}
