using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Core.Invitations;

/// <summary>
/// The signed part of an invitation link, /join/{org}.{invitation}.{mac}: the ids find the row, the HMAC (under a key
/// derived from the master key, over ids and expiry) proves the bot made the link. The row decides the rest: claimed,
/// revoked or expired links are dead.
/// </summary>
public sealed class InvitationLinks(SecretBox secrets)
{
    public const string PathPrefix = "/join/";

    private readonly byte[] _key = secrets.DeriveKey("invitations");

    public string Token(Invitation invitation) =>
        $"{invitation.OrganizationId:N}.{invitation.Id:N}.{WebEncoders.Base64UrlEncode(Mac(invitation))}";

    public string PathFor(Invitation invitation) => PathPrefix + Token(invitation);

    /// <summary>The organization and invitation a well-formed token names; unchecked until <see cref="Matches"/>.</summary>
    public static (Guid OrganizationId, Guid InvitationId)? Read(string? token)
    {
        var parts = token?.Split('.');
        return parts is { Length: 3 } && parts[2].Length is > 0 and <= 64
            && Guid.TryParseExact(parts[0], "N", out var organizationId) && Guid.TryParseExact(parts[1], "N", out var invitationId)
            ? (organizationId, invitationId)
            : null;
    }

    public bool Matches(string token, Invitation invitation)
    {
        byte[] presented;
        try
        {
            presented = WebEncoders.Base64UrlDecode(token.Split('.')[^1]);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(presented, Mac(invitation));
    }

    private byte[] Mac(Invitation invitation) => HMACSHA256.HashData(_key,
        Encoding.ASCII.GetBytes($"invite|{invitation.OrganizationId:N}|{invitation.Id:N}|{invitation.ExpiresAt.ToUnixTimeSeconds()}"));
}
