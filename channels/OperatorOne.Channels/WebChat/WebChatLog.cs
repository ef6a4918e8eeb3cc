using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// The web chat's conversations live in the Direct Line log: a turn writes the person's message (unless an accepted
/// turn's acknowledgement put it there already) and the bot's replies in its own transaction, so a crash can never
/// leave a reply in the transcript that the chat never shows.
/// </summary>
internal sealed class WebChatLog(TimeProvider clock, ConversationSignals signals) : IConversationLog
{
    public string Channel => ChannelNames.WebChat;

    public async Task RecordAsync(OperatorOneDb db, InboundTurn turn, Conversation conversation, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        var echo = turn.Activity.Type != ActivityTypes.ConversationUpdate && turn.Activity.Id is not null;
        if (!echo && replies.Count == 0)
        {
            return;
        }
        // Replies to a message point at its echo, so Web Chat shows them after it; welcome replies have nothing to point at.
        var replyTo = echo ? turn.Activity.Id : null;
        await new DirectLineLog(db, clock, signals).AppendTurnAsync(turn.Reference.Conversation.Id,
            echo ? InboundRedaction.AsRecorded(db, turn.Activity) : null, echo ? ClientActivityId(turn.Activity) : null, replies.Count,
            chat => replies.Select(r => (Activity)WebChatTurns.AsBotActivity(r, chat, replyTo)).ToList(), cancellationToken);
    }

    /// <summary>
    /// Whether a posted activity claims a client id of the shape the outbox gives the bot's own sends ("op-" and the
    /// row's number, see <see cref="WebChatSender"/>), under either spelling Web Chat clients use. The log keys entries by
    /// that id, so such a post could take the place of a message the bot has yet to send, or be answered with the bot's.
    /// </summary>
    public static bool ClaimsOutboxKey(Activity activity) =>
        activity.ChannelData is JsonObject data
        && new[] { data["clientActivityID"], data["clientActivityId"] }.Any(v => v is JsonValue value && value.TryGetValue<string>(out var id) && IsOutboxKey(id));

    /// <summary>The refusal a post or upload that <see cref="ClaimsOutboxKey"/> gets.</summary>
    public const string OutboxKeyRefusal =
        "channelData.clientActivityID (or clientActivityId) may not be \"op-\" followed by digits: that shape is kept for the bot's own messages.";

    private static bool IsOutboxKey(string id) =>
        id.Length > 3 && id.StartsWith("op-", StringComparison.Ordinal) && id.Skip(3).All(char.IsAsciiDigit);

    public static string? ClientActivityId(Activity activity) =>
        activity.ChannelData is JsonObject data && data["clientActivityID"] is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0 ? id : null;
}
