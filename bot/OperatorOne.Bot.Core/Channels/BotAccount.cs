using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Bot.Core.Channels;

/// <summary>The bot as the other party of a conversation, where the channel does not name it itself.</summary>
public static class BotAccount
{
    public static ChannelAccount Default { get; } = new() { Id = "operatorone", Name = "OperatorOne", Role = "bot" };
}
