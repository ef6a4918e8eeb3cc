namespace OperatorOne.Data.Channels;

/// <summary>
/// The channels, each by the one name it has everywhere: turns, conversations, installations, identities, the admin
/// API, skills and the system prompt. Teams keeps Bot Framework's own channel id.
/// </summary>
public static class ChannelNames
{
    public const string Teams = "msteams";
    public const string Slack = "slack";
    public const string WebChat = "webchat";
    public const string Voice = "voice";
    public const string Email = "email";

    public static IReadOnlyList<string> All { get; } = [Teams, Slack, WebChat, Voice, Email];

    /// <summary>The channel a person or a client means ("teams", "phone", "twilio", "web chat"), or null.</summary>
    public static string? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        Teams or "teams" or "microsoft teams" => Teams,
        Slack => Slack,
        WebChat or "web chat" or "web" => WebChat,
        Voice or "phone" or "twilio" or "call" => Voice,
        Email or "e-mail" or "mail" => Email,
        _ => null,
    };

    /// <summary>How people know the channel, for messages about it.</summary>
    public static string DisplayName(string channel) => channel switch
    {
        Teams => "Microsoft Teams",
        Slack => "Slack",
        WebChat => "the web chat",
        Voice => "the phone",
        Email => "email",
        _ => channel,
    };
}
