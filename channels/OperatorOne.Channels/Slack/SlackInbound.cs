namespace OperatorOne.Channels.Slack;

/// <summary>What a verified Slack request asks for, decided before any I/O.</summary>
internal abstract record SlackInbound
{
    private SlackInbound() { }

    /// <summary>The url_verification handshake: echo the challenge.</summary>
    public sealed record Challenge(string Value) : SlackInbound;

    /// <summary>Well-formed but not ours to answer (bot messages, edits, other event types): acknowledge only.</summary>
    public sealed record Ignored(string Why) : SlackInbound;

    /// <summary>Signed but malformed: 400.</summary>
    public sealed record Invalid(string Problem) : SlackInbound;

    public sealed record Turn(SlackWork Work) : SlackInbound;

    /// <summary>app_uninstalled or tokens_revoked (for the bot token): the workspace's installation is no longer usable.</summary>
    public sealed record Revoked(string TeamId, string Reason) : SlackInbound;
}
