namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// What a channel fetches for a turn from its own service before the turn runs: the files a message points at (Teams
/// download URLs, Slack url_private), the sender's verified email to link them to a member (Slack). The core calls it
/// before the turn's transaction opens, so no network call runs inside it, and again if another replica runs the turn.
/// </summary>
public interface ITurnPreparation
{
    string Channel { get; }

    /// <summary>
    /// Whether <see cref="PrepareAsync"/> would fetch anything for this turn (files attached, a sender not yet looked
    /// up). Only then does the core check the delivery and call it: a turn with nothing to fetch costs no statement more.
    /// </summary>
    bool IsNeeded(InboundTurn turn);

    Task<InboundTurn> PrepareAsync(InboundTurn turn, CancellationToken cancellationToken);
}
