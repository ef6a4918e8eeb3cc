using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OperatorOne.Channels.WebChat;

/// <summary>tokens/generate (site secret → token for a new conversation) and tokens/refresh (token → fresh token).</summary>
internal static class TokenEndpoints
{
    public static async Task<Results<Ok<TokenResponse>, JsonHttpResult<DirectLineError>>> GenerateAsync(
        HttpRequest request, DirectLineAuth auth, WebChatTokens tokens, CancellationToken cancellationToken)
    {
        var (caller, denied) = await auth.AuthenticateAsync(request, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        if (caller is null || !caller.HoldsSecret)
        {
            // A token may not mint tokens for other conversations or users.
            return DirectLineError.BadCredentials();
        }
        var (body, malformed) = await DirectLineBody.ReadAsync<TokenRequest>(request, DirectLineBody.MaxRequestBytes, cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }
        // Only the site's backend holds the secret, so the user it names is the user (the production sign-in path).
        if (DirectLineIds.UserFor(body?.User) is not { } userId)
        {
            return DirectLineError.BadJson($"user.id must be 1 to {DirectLineIds.MaxUserIdLength} characters.");
        }
        var conversationId = DirectLineIds.NewConversationId();
        var token = tokens.Issue(caller.Site, caller.OrganizationId, conversationId, userId, body?.User?.Name);
        return TypedResults.Ok(new TokenResponse(conversationId, token, WebChatTokens.LifetimeSeconds));
    }

    public static async Task<Results<Ok<TokenResponse>, JsonHttpResult<DirectLineError>>> RefreshAsync(
        HttpRequest request, DirectLineAuth auth, WebChatTokens tokens, CancellationToken cancellationToken)
    {
        var (caller, denied) = await auth.AuthenticateAsync(request, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        if (caller?.Token is not { } token)
        {
            return DirectLineError.BadCredentials();
        }
        return TypedResults.Ok(new TokenResponse(token.Conv, tokens.Reissue(token), WebChatTokens.LifetimeSeconds));
    }
}
