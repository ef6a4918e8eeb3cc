namespace OperatorOne.Bot.Core.Channels;

/// <summary>
/// Reads the session token a signed-in browser holds. The web chat issues them; the voice channel's browser call page
/// presents one to put its spoken turns in that same conversation, so neither channel knows the other.
/// </summary>
public interface IBrowserSessions
{
    /// <summary>The session the token vouches for, or null when it is forged, malformed or expired.</summary>
    BrowserSession? Verify(string token);
}

/// <summary>One conversation of one user on one site (the installation), in an organization.</summary>
public sealed record BrowserSession(string Site, Guid OrganizationId, string ConversationId, string UserId, string? UserName);
