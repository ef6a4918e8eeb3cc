using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Work;

namespace OperatorOne.Channels.WebChat;

/// <summary>Posting an activity (echo, turn, replies) and the WebSocket stream of a conversation.</summary>
internal static class ActivityEndpoints
{
    public static async Task<Results<Ok<ActivityPosted>, JsonHttpResult<DirectLineError>>> PostAsync(
        string conversationId, HttpRequest request, ConversationAccess access, WebChatTurns turns,
        ILogger<WebChatTurns> logger, CancellationToken cancellationToken)
    {
        var (caller, conversation, denied) = await access.OpenForTurnAsync(request, conversationId, cancellationToken);
        if (caller is null || conversation is null)
        {
            return denied ?? DirectLineError.ConversationNotFound();
        }
        var (posted, malformed) = await DirectLineBody.ReadAsync<Activity>(request, DirectLineBody.MaxActivityBytes, cancellationToken);
        if (posted is null)
        {
            return malformed ?? DirectLineError.BadJson("The body must be one activity.");
        }
        var clientActivityId = ClientActivityId.Read(posted);
        if (clientActivityId.Problem is { } problem)
        {
            return DirectLineError.BadJson(problem);
        }
        if (posted.Type == ActivityTypes.Typing)
        {
            // Typing is momentary: nobody else is in the conversation to see it, and it is no turn for the bot.
            return TypedResults.Ok(new ActivityPosted($"{conversation.Id}|typing"));
        }

        // The sender is whoever the token names, never the "from" in the body.
        var user = new ChannelAccount
        {
            Id = caller.Token?.User ?? conversation.UserId,
            Name = conversation.UserName ?? posted.From?.Name,
            Role = "user",
        };
        var message = posted with { Id = null, From = user, Recipient = WebChatTurns.Bot, ReplyToId = posted.ReplyToId };
        WebChatPosted answered;
        try
        {
            // A re-post runs the turn again with the same delivery id; the core processes a delivery once.
            answered = await turns.PostAsync(conversation, message, clientActivityId, [], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && !DatabaseOutage.Is(e))
        {
            // A database outage is not the bot failing: it reaches the host's handler, which answers 503 with Retry-After.
            logger.LogError(e, "The turn for a web chat activity in {Conversation} failed.", conversation.Id);
            return DirectLineError.BotError();
        }
        if (answered.ConversationMissing)
        {
            return DirectLineError.ConversationNotFound();
        }
        if (answered.NotInstalled)
        {
            return DirectLineError.Result(StatusCodes.Status403Forbidden, "BadArgument", "The web chat site is not installed.");
        }
        return TypedResults.Ok(new ActivityPosted(answered.Id!));
    }

    public static async Task<Results<EmptyHttpResult, JsonHttpResult<DirectLineError>>> StreamAsync(
        string conversationId, string? t, string? watermark, HttpContext context, DirectLineAuth auth, ConversationAccess access,
        ActivityStream stream, CancellationToken cancellationToken)
    {
        var (caller, denied) = await auth.AuthenticateAsync(t ?? "", cancellationToken);
        if (caller is null)
        {
            return denied ?? DirectLineError.MissingCredentials();
        }
        var (_, conversation, unavailable) = await access.OpenAsync(caller, conversationId, cancellationToken);
        if (conversation is null)
        {
            return unavailable ?? DirectLineError.ConversationNotFound();
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineError.BadJson("Connect with a WebSocket.");
        }
        await stream.RunAsync(context, conversation.Id, string.IsNullOrEmpty(watermark) ? null : watermark, cancellationToken);
        return TypedResults.Empty;
    }
}
