namespace OperatorOne.Channels.WebChat;

/// <summary>
/// Who is calling, as proven by the bearer credential: a site's backend holding the site secret (any
/// conversation of the site) or a browser holding a token (one conversation, one user).
/// </summary>
internal sealed record DirectLineCaller(string Site, Guid OrganizationId, DirectLineToken? Token)
{
    public bool HoldsSecret => Token is null;

    public bool MayUse(string conversationId) => Token is null || Token.Conv == conversationId;
}
