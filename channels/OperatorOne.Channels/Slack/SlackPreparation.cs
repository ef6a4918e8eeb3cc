using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Before a Slack turn's transaction: the sender is linked to a member by their verified email (users.info), and the
/// files shared with the message are downloaded with the workspace's bot token.
/// </summary>
internal sealed class SlackPreparation(SlackIdentityLinks identityLinks, SlackFiles files) : ITurnPreparation
{
    public string Channel => ChannelNames.Slack;

    public bool IsNeeded(InboundTurn turn) =>
        SlackWork.FilesOf(turn).Count > 0 || !identityLinks.IsSettled(turn.InstallationId, turn.ChannelUserId);

    public async Task<InboundTurn> PrepareAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        await identityLinks.EnsureLinkedAsync(turn.InstallationId, turn.ChannelUserId, cancellationToken);
        var shared = SlackWork.FilesOf(turn);
        return shared.Count == 0 ? turn : turn with { Files = await files.FetchAsync(turn.InstallationId, shared, cancellationToken) };
    }
}
