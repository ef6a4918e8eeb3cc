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

    /// <summary>The longest client activity id a post or upload may carry.</summary>
    public const int MaxClientActivityIdLength = 100;

    /// <summary>
    /// Why a posted activity's client id is refused, or null when it is fine (or absent). Read before anything else
    /// touches it: channel data is parsed lazily, so a lone surrogate escape ("\udfff") only fails when read. An id of
    /// the shape the outbox gives the bot's own sends ("op-" and the row's number, see <see cref="WebChatSender"/>) is
    /// refused under either spelling Web Chat clients use: the log keys entries by it, so such a post could take the
    /// place of a message the bot has yet to send.
    /// </summary>
    public static string? ClientActivityIdProblem(Activity activity)
    {
        if (activity.ChannelData is not JsonObject data)
        {
            return null;
        }
        foreach (var name in (string[])["clientActivityID", "clientActivityId"])
        {
            string? id;
            try
            {
                id = data[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            }
            catch (InvalidOperationException)
            {
                return $"channelData.{name} is not valid text (an unpaired surrogate escape).";
            }
            if (id?.Length > MaxClientActivityIdLength)
            {
                return $"channelData.{name} is limited to {MaxClientActivityIdLength} characters.";
            }
            if (id is { Length: > 3 } && id.StartsWith("op-", StringComparison.Ordinal) && id.Skip(3).All(char.IsAsciiDigit))
            {
                return $"channelData.{name} may not be \"op-\" followed by digits: that shape is kept for the bot's own messages.";
            }
        }
        return null;
    }

    /// <summary>The post's client id; call <see cref="ClientActivityIdProblem"/> first.</summary>
    public static string? ClientActivityId(Activity activity) =>
        activity.ChannelData is JsonObject data && data["clientActivityID"] is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0 ? id : null;
}
