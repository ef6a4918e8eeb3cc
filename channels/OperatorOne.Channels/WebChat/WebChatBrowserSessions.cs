using OperatorOne.Bot.Core.Channels;

namespace OperatorOne.Channels.WebChat;

/// <summary>A web chat token as a browser session, for the voice channel's browser call page.</summary>
internal sealed class WebChatBrowserSessions(WebChatTokens tokens) : IBrowserSessions
{
    public BrowserSession? Verify(string token) => tokens.Check(token) is TokenCheck.Valid(var claims)
        ? new BrowserSession(claims.Site, claims.Org, claims.Conv, claims.User, claims.Name)
        : null;
}
