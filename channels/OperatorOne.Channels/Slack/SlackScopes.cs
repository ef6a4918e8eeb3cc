namespace OperatorOne.Channels.Slack;

/// <summary>The bot scopes the code needs, asked for at install and listed in the manifest, exactly.</summary>
public static class SlackScopes
{
    public static IReadOnlyList<string> Bot { get; } =
    [
        "app_mentions:read", // app_mention events
        "chat:write",        // chat.postMessage, chat.update, chat.postEphemeral
        "commands",          // /op1
        "files:read",        // downloading files shared with the bot (url_private_download)
        "im:history",        // message.im events
        "im:write",          // conversations.open for approval DMs
        "users:read",        // users.info
        "users:read.email",  // linking a Slack user to a member by email
    ];

    public static IReadOnlyList<string> Events => SlackEvents.Subscribed;
}
