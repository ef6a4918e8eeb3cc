using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Data.WebChat;

namespace OperatorOne.Channels.WebChat;

/// <summary>Starting a conversation, reconnecting to it, and reading its activities by watermark.</summary>
internal static class ConversationEndpoints
{
    /// <summary>How many of a resumed conversation's last activities its client is shown again.</summary>
    public const int HistoryShown = 200;

    public static async Task<Results<Created<ConversationResponse>, Ok<ConversationResponse>, JsonHttpResult<DirectLineError>>> StartAsync(
        HttpRequest request, DirectLineAuth auth, DirectLineLog log, WebChatTokens tokens, WebChatTurns turns,
        ILogger<WebChatTurns> logger, CancellationToken cancellationToken)
    {
        var (caller, denied) = await auth.AuthenticateAsync(request, cancellationToken);
        if (caller is null)
        {
            return denied ?? DirectLineError.MissingCredentials();
        }
        var (body, malformed) = await DirectLineBody.ReadAsync<TokenRequest>(request, DirectLineBody.MaxRequestBytes, cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }
        DirectLineConversation conversation;
        if (caller.Token is { } token)
        {
            // The token names the conversation and the user; a user in the body cannot change either.
            conversation = new() { Id = token.Conv, OrganizationId = token.Org, SiteId = token.Site, UserId = token.User, UserName = token.Name };
        }
        else if (DirectLineIds.UserFor(body?.User) is { } userId)
        {
            conversation = new() { Id = DirectLineIds.NewConversationId(), OrganizationId = caller.OrganizationId, SiteId = caller.Site, UserId = userId, UserName = body?.User?.Name };
        }
        else
        {
            return DirectLineError.BadJson($"user.id must be 1 to {DirectLineIds.MaxUserIdLength} characters.");
        }

        var freshToken = tokens.Issue(conversation.SiteId, conversation.OrganizationId, conversation.Id, conversation.UserId, conversation.UserName);
        var response = new ConversationResponse(conversation.Id, freshToken, WebChatTokens.LifetimeSeconds, StreamUrl(request, conversation.Id, freshToken, null));
        if (!await log.StartAsync(conversation, cancellationToken))
        {
            // Going on with a conversation (a member signed in again): the stream replays its recent history, not all of it.
            var existing = await log.FindAsync(conversation.Id, cancellationToken);
            var from = Math.Max(0, (existing?.LastSequence ?? 0) - HistoryShown);
            return TypedResults.Ok(response with { StreamUrl = StreamUrl(request, conversation.Id, freshToken, from == 0 ? null : ActivitySet.Format(from)) });
        }
        try
        {
            // The core welcomes the user and delivers what waits for them (pending approval cards).
            if (!await turns.JoinAsync(conversation, cancellationToken))
            {
                return DirectLineError.Result(StatusCodes.Status403Forbidden, "BadArgument", "The web chat site is not installed.");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The conversation is usable without its welcome; the user's first message gets a full turn.
            logger.LogError(e, "The welcome turn for web chat conversation {Conversation} failed.", conversation.Id);
        }
        return TypedResults.Created($"/v3/directline/conversations/{Uri.EscapeDataString(conversation.Id)}", response);
    }

    public static async Task<Results<Ok<ConversationResponse>, JsonHttpResult<DirectLineError>>> ReconnectAsync(
        string conversationId, string? watermark, HttpRequest request, ConversationAccess access, WebChatTokens tokens, CancellationToken cancellationToken)
    {
        var (_, conversation, denied) = await access.OpenAsync(request, conversationId, cancellationToken);
        if (conversation is null)
        {
            return denied ?? DirectLineError.ConversationNotFound();
        }
        var token = tokens.Issue(conversation.SiteId, conversation.OrganizationId, conversation.Id, conversation.UserId, conversation.UserName);
        return TypedResults.Ok(new ConversationResponse(conversation.Id, token, WebChatTokens.LifetimeSeconds, StreamUrl(request, conversation.Id, token, watermark)));
    }

    public static async Task<Results<Ok<ActivitySet>, JsonHttpResult<DirectLineError>>> ReadActivitiesAsync(
        string conversationId, string? watermark, HttpRequest request, ConversationAccess access, DirectLineLog log,
        IOptions<OnboardingOptions> onboarding, CancellationToken cancellationToken)
    {
        var (_, conversation, denied) = await access.OpenAsync(request, conversationId, cancellationToken);
        if (conversation is null)
        {
            return denied ?? DirectLineError.ConversationNotFound();
        }
        var after = ActivitySet.Parse(watermark);
        var entries = await log.ReadAfterAsync(conversation.Id, after, limit: 500, cancellationToken);
        return TypedResults.Ok(ActivitySet.From(entries, after, WebChatLinks.Base(request, onboarding.Value)));
    }

    /// <summary>The WebSocket address on the host the client reached us by; the token rides in <c>t</c>.</summary>
    private static string StreamUrl(HttpRequest request, string conversationId, string token, string? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return string.IsNullOrEmpty(watermark) ? url : $"{url}&watermark={Uri.EscapeDataString(watermark)}";
    }
}
