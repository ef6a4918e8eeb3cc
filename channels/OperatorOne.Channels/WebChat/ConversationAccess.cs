using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OperatorOne.Data.WebChat;

namespace OperatorOne.Channels.WebChat;

/// <summary>The one check every conversation route makes: who is calling, and may they use this conversation.</summary>
internal sealed class ConversationAccess(DirectLineAuth auth, DirectLineLog log)
{
    public async Task<(DirectLineCaller? Caller, DirectLineConversation? Conversation, JsonHttpResult<DirectLineError>? Error)> OpenAsync(
        HttpRequest request, string conversationId, CancellationToken cancellationToken)
    {
        var (caller, denied) = await auth.AuthenticateAsync(request, cancellationToken);
        return caller is null ? (null, null, denied) : await OpenAsync(caller, conversationId, cancellationToken);
    }

    /// <summary>
    /// For a post that becomes a turn: a token names the conversation, its site, organization and user (the conversation
    /// was started with those very values), so nothing is read here; the turn's first statement checks that the
    /// conversation exists in the site (<see cref="WebChatPosted.ConversationMissing"/> when not). The store is not
    /// touched before the turn: no tenant write, no read, each of which would be a transaction of its own. A secret holder
    /// names any conversation of its site, whose user only the row knows: that one is read.
    /// </summary>
    public async Task<(DirectLineCaller? Caller, DirectLineConversation? Conversation, JsonHttpResult<DirectLineError>? Error)> OpenForTurnAsync(
        HttpRequest request, string conversationId, CancellationToken cancellationToken)
    {
        var (caller, denied) = await auth.AuthenticateAsync(request, cancellationToken);
        if (caller?.Token is not { } token)
        {
            return caller is null ? (null, null, denied) : await OpenAsync(caller, conversationId, cancellationToken);
        }
        return !caller.MayUse(conversationId)
            ? (caller, null, DirectLineError.WrongConversation())
            : (caller, new DirectLineConversation
            {
                Id = token.Conv, OrganizationId = token.Org, SiteId = token.Site, UserId = token.User, UserName = token.Name,
            }, null);
    }

    public async Task<(DirectLineCaller? Caller, DirectLineConversation? Conversation, JsonHttpResult<DirectLineError>? Error)> OpenAsync(
        DirectLineCaller caller, string conversationId, CancellationToken cancellationToken)
    {
        if (!caller.MayUse(conversationId))
        {
            return (caller, null, DirectLineError.WrongConversation());
        }
        // Row-level security already hides other organizations' conversations; the site check keeps sites apart.
        var conversation = await log.FindAsync(conversationId, cancellationToken);
        return conversation is null || conversation.SiteId != caller.Site
            ? (caller, null, DirectLineError.ConversationNotFound())
            : (caller, conversation, null);
    }
}
