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
            echo ? InboundRedaction.AsRecorded(db, turn.Activity) : null, echo ? ClientActivityId.Read(turn.Activity).Value : null, replies.Count,
            chat => replies.Select(r => (Activity)WebChatTurns.AsBotActivity(r, chat, replyTo)).ToList(), cancellationToken);
    }
}
