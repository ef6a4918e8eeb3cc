using OperatorOne.Bot.Core.Activities;
using OperatorOne.Data;
using OperatorOne.Data.Conversations;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>
/// A channel whose conversations live in our own database (the web chat's Direct Line log): the turn writes the
/// message and its replies there in its own transaction, so nothing commits that the channel would never show.
/// </summary>
public interface IConversationLog
{
    string Channel { get; }

    Task RecordAsync(OperatorOneDb db, InboundTurn turn, Conversation conversation, IReadOnlyList<Activity> replies, CancellationToken cancellationToken);
}
