using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace OperatorOne.Channels.WebChat;

/// <summary>Random ids for conversations and anonymous users; unguessable, since a conversation id is half of its access.</summary>
internal static class DirectLineIds
{
    public const int MaxUserIdLength = 200;

    public static string NewConversationId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(18));

    /// <summary>Direct Line's prefix for users the site did not name.</summary>
    public static string NewAnonymousUserId() => "dl_" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12));

    /// <summary>The user a secret holder named, or a new anonymous one; null when the named id is unusable.</summary>
    public static string? UserFor(TokenRequestUser? named)
    {
        if (string.IsNullOrEmpty(named?.Id))
        {
            return NewAnonymousUserId();
        }
        var id = named.Id.Trim();
        return id.Length is > 0 and <= MaxUserIdLength ? id : null;
    }
}
