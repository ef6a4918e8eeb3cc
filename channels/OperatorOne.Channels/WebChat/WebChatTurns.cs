using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.WebChat;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.WebChat;

/// <summary>Hands a web chat activity to the core and appends the bot's replies to the conversation log.</summary>
internal sealed class WebChatTurns(TurnPipeline pipeline, DirectLineLog log, DetachedTurns detached,
    IOptions<WebChatOptions> options, ILogger<WebChatTurns> logger)
{
    /// <summary>How the bot appears in every web chat conversation.</summary>
    public static ChannelAccount Bot { get; } = new() { Id = "operatorone", Name = "OperatorOne", Role = "bot" };

    /// <summary>
    /// Runs the turn for an activity whose <c>id</c> and <c>from</c> we set ourselves (the echo, or the join event);
    /// false when the site is no longer installed (the caller answers 403).
    /// </summary>
    public Task<bool> RunAsync(DirectLineConversation conversation, Activity activity, CancellationToken cancellationToken) =>
        RunAsync(conversation, activity, [], cancellationToken);

    /// <summary>The same, for a message that came with uploaded files.</summary>
    public async Task<bool> RunAsync(DirectLineConversation conversation, Activity activity, IReadOnlyList<InboundFile> files, CancellationToken cancellationToken)
    {
        var user = activity.From ?? throw new ArgumentException("The activity has no sender.", nameof(activity));
        var turn = new InboundTurn
        {
            Channel = ChannelNames.WebChat,
            DeliveryId = activity.Id ?? throw new ArgumentException("The activity has no id.", nameof(activity)),
            InstallationId = conversation.SiteId,
            ChannelUserId = user.Id,
            UserName = user.Name,
            Activity = activity,
            Reference = ConversationReference.From(activity),
            Files = files,
            BeforeCommit = (replies, ct) => AppendRepliesAsync(conversation, activity, replies, ct),
        };
        var result = await pipeline.RunAsync(turn, cancellationToken);
        if (result.Status == TurnStatus.UnknownInstallation)
        {
            return false;
        }
        if (result.Replies.Count > 0)
        {
            log.Notify(conversation.Id);
        }
        return true;
    }

    /// <summary>
    /// Runs a posted activity's turn, answering the post within <see cref="WebChatOptions.TurnBudget"/>: a turn still
    /// running then (a slow model) goes on in its own scope, counted in flight so a stopping replica waits for it, while
    /// the conversation shows the bot typing; its replies reach the stream when it commits. A retried post meanwhile is
    /// the same delivery: the core holds it on the first one's row and then counts it a duplicate, so nothing is answered twice.
    /// </summary>
    public async Task<bool> AnswerAsync(DirectLineConversation conversation, Activity activity, IReadOnlyList<InboundFile> files, CancellationToken cancellationToken)
    {
        var deliveryId = activity.Id ?? throw new ArgumentException("The activity has no id.", nameof(activity));
        var turn = await detached.RunWithinAsync(options.Value.TurnBudget,
            (services, ct) => services.GetRequiredService<WebChatTurns>().RunAsync(conversation, activity, files, ct),
            // The client's retry runs a failed turn again.
            failure => logger.LogError(failure, "The slow web chat turn {Activity} failed after its post was answered.", deliveryId),
            cancellationToken);
        if (turn.Finished)
        {
            return turn.Result;
        }
        await log.AppendTypingAsync(conversation, Typing(conversation), deliveryId, cancellationToken);
        return true;
    }

    /// <summary>Web Chat shows the bot typing for a few seconds, or until the bot's next message arrives.</summary>
    private static Activity Typing(DirectLineConversation conversation) =>
        AsBotActivity(new Activity { Type = ActivityTypes.Typing }, conversation, replyToId: null);

    /// <summary>
    /// Appends the replies in the turn's own transaction: were they appended after its commit, a crash in between
    /// would leave them in the transcript, the retry would be a duplicate, and the user would never see them.
    /// </summary>
    private async Task AppendRepliesAsync(DirectLineConversation conversation, Activity activity, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        // Replies to a message point at its echo, so Web Chat shows them after it; welcome replies have nothing to point at.
        var replyTo = activity.Type == ActivityTypes.Message ? activity.Id : null;
        foreach (var reply in replies)
        {
            await log.AppendInTransactionAsync(conversation, AsBotActivity(reply, conversation, replyTo), clientActivityId: null, cancellationToken);
        }
    }

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
