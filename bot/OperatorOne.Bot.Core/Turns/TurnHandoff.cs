namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// Who answers a turn, decided once: the waiting request (the turn reached its replies within the budget), or the
/// outbox (the budget ran out first and the request was answered with an acknowledgement). A kept turn's request is
/// answered once the turn has committed (<see cref="WhenCommitted"/>), not after its pushed replies reach the channel.
/// </summary>
public sealed class TurnHandoff
{
    private const int Undecided = 0, Kept = 1, HandedOff = 2;
    private readonly TaskCompletionSource<bool> _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<TurnResult> _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public static TurnHandoff Detached()
    {
        var handoff = new TurnHandoff { _state = HandedOff };
        handoff._stored.SetResult(true);
        return handoff;
    }

    public bool IsHandedOff => Volatile.Read(ref _state) == HandedOff;

    /// <summary>The turn is writing its replies: true when the request is still waiting for them.</summary>
    public bool TryKeep() => Interlocked.CompareExchange(ref _state, Kept, Undecided) == Undecided || Volatile.Read(ref _state) == Kept;

    /// <summary>The budget ran out: true when the request may acknowledge now (the turn had not reached its replies).</summary>
    public bool TryHandOff() => Interlocked.CompareExchange(ref _state, HandedOff, Undecided) == Undecided;

    /// <summary>Whether the turn was handed off and stored durably; the running turn settles its stored row only after that.</summary>
    public async Task<bool> IsStoredAsync() => IsHandedOff && await _stored.Task;

    public void SetStored(bool stored) => _stored.TrySetResult(stored);

    /// <summary>Completes with the turn's result once its effects and replies are committed; its pushed replies may still be on their way.</summary>
    public Task<TurnResult> WhenCommitted => _committed.Task;

    public void SetCommitted(TurnResult result) => _committed.TrySetResult(result);
}
