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
