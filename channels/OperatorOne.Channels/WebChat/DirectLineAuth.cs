using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OperatorOne.Data;

namespace OperatorOne.Channels.WebChat;

/// <summary>Turns the bearer credential of a Direct Line request into a caller, scoping the store to its organization.</summary>
internal sealed class DirectLineAuth(WebChatTokens tokens, WebChatSites sites, OperatorOneDb db)
{
    public async Task<(DirectLineCaller? Caller, JsonHttpResult<DirectLineError>? Error)> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= "Bearer ".Length)
        {
            return (null, DirectLineError.MissingCredentials());
        }
        return await AuthenticateAsync(header["Bearer ".Length..].Trim(), cancellationToken);
    }

    /// <summary>For the WebSocket stream, whose token travels in the <c>t</c> query parameter.</summary>
    public async Task<(DirectLineCaller? Caller, JsonHttpResult<DirectLineError>? Error)> AuthenticateAsync(string credential, CancellationToken cancellationToken)
    {
        if (credential.Length == 0)
        {
            return (null, DirectLineError.MissingCredentials());
        }
        if (!WebChatTokens.LooksLikeToken(credential))
        {
            var secretHolder = await sites.AuthenticateSecretAsync(credential, cancellationToken);
            return secretHolder is null ? (null, DirectLineError.BadCredentials()) : (secretHolder, null);
        }
        switch (tokens.Check(credential))
        {
            case TokenCheck.Valid(var token):
                await db.UseOrganizationAsync(token.Org, cancellationToken);
                return (new DirectLineCaller(token.Site, token.Org, token), null);
            case TokenCheck.Expired:
                return (null, DirectLineError.TokenExpired());
            default:
                return (null, DirectLineError.BadCredentials());
        }
    }
}
