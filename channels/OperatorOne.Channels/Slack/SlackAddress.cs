namespace OperatorOne.Channels.Slack;

/// <summary>
/// Where a Slack conversation id points: a channel or DM ("C123", "D123"), a user to open a DM with ("U123"), or
/// one user's ephemeral view of a channel ("C123/U456", the slash command's conversation). Pure.
/// </summary>
internal sealed record SlackAddress(string Channel, string? EphemeralUser)
{
    public static string Ephemeral(string channel, string user) => $"{channel}/{user}";

    public static SlackAddress Parse(string conversationId)
    {
        var slash = conversationId.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? new SlackAddress(conversationId, null)
            : new SlackAddress(conversationId[..slash], conversationId[(slash + 1)..]);
    }

    public bool IsUser => EphemeralUser is null && Channel.Length > 1 && Channel[0] is 'U' or 'W';

    /// <summary>A sent message's id as the outbox keeps it: the channel it landed in and its ts, both needed by chat.update.</summary>
    public static string MessageId(string channel, string ts) => $"{channel}:{ts}";

    public static (string? Channel, string Ts) ParseMessageId(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (null, id) : (id[..colon], id[(colon + 1)..]);
    }
}
