namespace OperatorOne.Bot.Core.Channels;

/// <summary>
/// A channel's self-check for one organization: each hop from the bot's settings to the organization's users, in
/// order, the first failing one named with its fix, plus the values an admin needs to set the channel up.
/// </summary>
public interface IChannelCheck
{
    string Channel { get; }

    Task<ChannelReport> CheckAsync(ChannelCheckContext context, CancellationToken cancellationToken);
}
