namespace OperatorOne.Bot.Core.Channels;

/// <summary>
/// A channel's self-check for one organization: each hop from the bot's settings to the organization's users, in
/// order, the first failing one named with its fix, plus the values an admin needs to set the channel up.
/// </summary>
public interface IChannelCheck
{
    string Channel { get; }

    Task<ChannelReport> CheckAsync(ChannelCheckContext context, CancellationToken cancellationToken);

    /// <summary>A file the channel's setup needs (Teams: "package", the app package), or null when it offers none by that name.</summary>
    ChannelFile? SetupFile(string name, ChannelCheckContext context) => null;
}

/// <summary>A setup download, or why it cannot be made now (<see cref="Problem"/>, with no content).</summary>
public sealed record ChannelFile(string FileName, string ContentType, byte[]? Content, string? Problem);
