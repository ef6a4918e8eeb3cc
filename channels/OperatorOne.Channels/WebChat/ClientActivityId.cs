using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// A posted activity's client id, read only together with its checks: <see cref="Value"/> is the id (null when absent,
/// empty or refused) and <see cref="Problem"/> why it is refused. There is no other reader, so nothing can take the id
/// without the checks having run. Channel data is parsed lazily, so a lone surrogate escape ("\udfff") only fails when
/// read: the checks read it first. An id of the shape the outbox gives the bot's own sends ("op-" and the row's number,
/// see <see cref="WebChatSender"/>) is refused under either spelling Web Chat clients use: the log keys entries by it,
/// so such a post could take the place of a message the bot has yet to send.
/// </summary>
internal sealed record ClientActivityId(string? Value, string? Problem)
{
    /// <summary>The longest client activity id a post or upload may carry.</summary>
    public const int MaxLength = 100;

    private static readonly ClientActivityId None = new(null, null);

    public static ClientActivityId Read(Activity activity)
    {
        if (activity.ChannelData is not JsonObject data)
        {
            return None;
        }
        string? value = null;
        foreach (var name in (string[])["clientActivityID", "clientActivityId"])
        {
            string? id;
            try
            {
                id = data[name] is JsonValue json && json.TryGetValue<string>(out var text) ? text : null;
            }
            catch (InvalidOperationException)
            {
                return Refused($"channelData.{name} is not valid text (an unpaired surrogate escape).");
            }
            if (id?.Length > MaxLength)
            {
                return Refused($"channelData.{name} is limited to {MaxLength} characters.");
            }
            if (id is { Length: > 3 } && id.StartsWith("op-", StringComparison.Ordinal) && id.Skip(3).All(char.IsAsciiDigit))
            {
                return Refused($"channelData.{name} may not be \"op-\" followed by digits: that shape is kept for the bot's own messages.");
            }
            // The log keys by Web Chat's own spelling; the other is only checked, as some clients send it.
            if (name == "clientActivityID" && id is { Length: > 0 })
            {
                value = id;
            }
        }
        return value is null ? None : new ClientActivityId(value, null);
    }

    private static ClientActivityId Refused(string problem) => new(null, problem);
}
