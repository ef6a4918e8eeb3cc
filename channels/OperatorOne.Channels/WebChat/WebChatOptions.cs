namespace OperatorOne.Channels.WebChat;

/// <summary>The "WebChat" configuration section.</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>
    /// How long a posted activity's turn may run before the POST is answered and the conversation shows the bot
    /// typing; the turn goes on and its replies reach the stream when it commits. Clients give up on a POST after
    /// about 15–20 seconds, so this stays well below.
    /// </summary>
    public TimeSpan TurnBudget { get; set; } = TimeSpan.FromSeconds(5);

    internal static bool IsValid(WebChatOptions options) =>
        options.TurnBudget > TimeSpan.Zero && options.TurnBudget <= TimeSpan.FromSeconds(15);

    internal const string Invalid = "WebChat:TurnBudget must be more than 0 and at most 00:00:15 (Web Chat gives up on a post soon after).";
}
