namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// How a channel fetches the files a message points at (Teams download URLs, Slack url_private). The core calls it
/// before the turn's transaction opens, so no download runs inside it, and again if another replica runs the turn.
/// </summary>
public interface IInboundFiles
{
    string Channel { get; }

    Task<InboundTurn> FetchAsync(InboundTurn turn, CancellationToken cancellationToken);
}
