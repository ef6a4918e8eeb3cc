using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Channels;
using OperatorOne.Data.WebChat;

namespace OperatorOne.Channels.WebChat;

/// <summary>What a posted activity came to: its id in the log, or the site is not installed, or the conversation is not the site's.</summary>
internal sealed record WebChatPosted(string? Id)
{
    public bool NotInstalled => Id is null;

    public bool ConversationMissing { get; init; }

    public static WebChatPosted NoConversation { get; } = new((string?)null) { ConversationMissing = true };
}

/// <summary>
/// Hands web chat activities to the core's one entry. The activity gets its log id first (no lock, no commit); the
/// turn then writes the message and its replies to the log in its own transaction. A turn still running when
/// <see cref="WebChatOptions.TurnBudget"/> runs out has been stored by the core: the post is answered, the message put
/// in the log and the bot shown typing, and the replies follow on the stream when the turn commits — on this replica or
/// another. A retried post is the same delivery: it runs nothing twice and is answered with the first post's id.
/// </summary>
internal sealed class WebChatTurns(TurnLoop turns, DirectLineLog log, IOptions<WebChatOptions> options, TimeProvider clock)
{
    /// <summary>How the bot appears in every web chat conversation.</summary>
    public static ChannelAccount Bot => OperatorOne.Bot.Core.Channels.BotAccount.Default;

    /// <summary>A posted message (text, a card's submit, files) whose sender the token named.</summary>
    public async Task<WebChatPosted> PostAsync(DirectLineConversation conversation, Activity posted, ClientActivityId checkedId,
        IReadOnlyList<InboundFile> files, CancellationToken cancellationToken)
    {
        var clientActivityId = checkedId.Value;
        // A client id makes the activity's id (no number to take from the store); a re-post of it gets the same one.
        var id = clientActivityId is null ? await log.NewIdAsync(conversation.Id, cancellationToken) : DirectLineLog.ClientId(conversation.Id, clientActivityId);
        var activity = posted with
        {
            Id = id,
            ChannelId = ChannelNames.WebChat,
            Conversation = new ConversationAccount { Id = conversation.Id },
            Timestamp = clock.GetUtcNow(),
        };
        var deliveryId = clientActivityId is null ? id : $"{conversation.Id}|{clientActivityId}";
        var outcome = await turns.ProcessAsync(Turn(conversation, activity, deliveryId, files), options.Value.TurnBudget, cancellationToken);
        switch (outcome)
        {
            case TurnOutcome.Completed { Result.Status: TurnStatus.UnknownInstallation }:
                return new WebChatPosted(null);
            case TurnOutcome.Completed { Result.Status: TurnStatus.UnknownConversation }:
                return WebChatPosted.NoConversation;
            case TurnOutcome.Completed { Result.Status: TurnStatus.Duplicate } when clientActivityId is not null:
                return new WebChatPosted(await log.LoggedIdAsync(conversation.Id, clientActivityId, cancellationToken) ?? id);
            case TurnOutcome.Accepted:
                // The client waits for its message to come back on the stream; the turn adds it only when it commits.
                var logged = await log.AppendAsync(conversation, activity, clientActivityId, cancellationToken);
                await log.AppendTypingAsync(conversation, Typing(conversation), deliveryId, cancellationToken);
                return new WebChatPosted(logged?.Activity.Id ?? id);
            default:
                return new WebChatPosted(id);
        }
    }

    /// <summary>The user joined: the core welcomes them and delivers what waits for them (pending approval cards).</summary>
    public async Task<bool> JoinAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        var joined = UserJoined(conversation);
        var outcome = await turns.ProcessAsync(Turn(conversation, joined, joined.Id!, []), options.Value.TurnBudget, cancellationToken);
        return outcome is not TurnOutcome.Completed { Result.Status: TurnStatus.UnknownInstallation or TurnStatus.UnknownConversation };
    }

    private static InboundTurn Turn(DirectLineConversation conversation, Activity activity, string deliveryId, IReadOnlyList<InboundFile> files)
    {
        var user = activity.From ?? throw new ArgumentException("The activity has no sender.", nameof(activity));
        return new InboundTurn
        {
            Channel = ChannelNames.WebChat,
            DeliveryId = deliveryId,
            InstallationId = conversation.SiteId,
            ChannelUserId = user.Id,
            UserName = user.Name,
            Activity = activity,
            Reference = ConversationReference.From(activity),
            Files = files,
            ConversationIsLogged = true,
        };
    }

    /// <summary>Web Chat shows the bot typing for a few seconds, or until the bot's next message arrives.</summary>
    private static Activity Typing(DirectLineConversation conversation) =>
        AsBotActivity(new Activity { Type = ActivityTypes.Typing }, conversation, replyToId: null);

    /// <summary>The conversationUpdate the core gets when a user joins, so it can welcome them.</summary>
    public static Activity UserJoined(DirectLineConversation conversation)
    {
        var user = new ChannelAccount { Id = conversation.UserId, Name = conversation.UserName, Role = "user" };
        return new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = $"{conversation.Id}|joined",
            Timestamp = conversation.CreatedAt,
            ChannelId = ChannelNames.WebChat,
            From = user,
            Recipient = Bot,
            Conversation = new ConversationAccount { Id = conversation.Id },
            MembersAdded = [user],
        };
    }

    /// <summary>A reply as Web Chat needs it: from the bot (role "bot"), to the user, in this conversation.</summary>
    public static Activity AsBotActivity(Activity reply, DirectLineConversation conversation, string? replyToId) => reply with
    {
        Id = null,
        From = Bot,
        Recipient = new ChannelAccount { Id = conversation.UserId, Name = conversation.UserName, Role = "user" },
        ReplyToId = replyToId,
    };
}
