namespace OperatorOne.Bot.Core.Activities;

/// <summary>Everything needed to message a conversation later, without an inbound activity.</summary>
public sealed record ConversationReference
{
    public required string ChannelId { get; init; }
    public required ConversationAccount Conversation { get; init; }
    public string? ServiceUrl { get; init; }
    public ChannelAccount? Bot { get; init; }
    public ChannelAccount? User { get; init; }
    public string? Locale { get; init; }

    public static ConversationReference From(Activity activity) => new()
    {
        ChannelId = activity.ChannelId ?? "",
        Conversation = activity.Conversation ?? throw new ArgumentException("The activity has no conversation.", nameof(activity)),
        ServiceUrl = activity.ServiceUrl,
        Bot = activity.Recipient,
        User = activity.From,
        Locale = activity.Locale,
    };

    /// <summary>A bot activity addressed to this conversation.</summary>
    public Activity Address(Activity activity) => activity with
    {
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Bot,
        Recipient = User,
        Locale = activity.Locale ?? Locale,
    };
}
