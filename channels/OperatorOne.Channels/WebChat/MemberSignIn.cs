using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// POST /webchat/session/token: a browser's member key (from claiming an invitation) for a Direct Line token to their latest
/// conversation (or a new one), while its web chat identity is still linked to an active member.
/// </summary>
internal static class MemberSignIn
{
    public static async Task<Results<Ok<MemberTokenResponse>, JsonHttpResult<DirectLineError>>> IssueAsync(
        HttpRequest request, WebChatMemberKeys keys, WebChatTokens tokens, OperatorOneDb db, CancellationToken cancellationToken)
    {
        var (body, malformed) = await DirectLineBody.ReadAsync<MemberTokenRequest>(request, 4096, cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }
        if (body?.Key is not { Length: > 0 } presented)
        {
            return DirectLineError.BadJson("key is required: the member key this browser got when it joined.");
        }
        if (keys.Read(presented) is not { } key)
        {
            return SignedOut();
        }
        await db.UseOrganizationAsync(key.OrganizationId, cancellationToken);
        var member = await db.ChannelIdentities
            .Where(i => i.Channel == ChannelNames.WebChat && i.ExternalId == key.UserId)
            .Join(db.Members, i => i.MemberId, m => m.Id, (_, m) => m)
            .Where(m => m.IsActive)
            .Select(m => new
            {
                m.Id,
                m.DisplayName,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return SignedOut();
        }
        var conversationId = await MemberConversations.LatestOrNewAsync(db, key.Site, key.UserId, member.Id, cancellationToken);
        var token = tokens.Issue(key.Site, key.OrganizationId, conversationId, key.UserId, member.DisplayName);
        return TypedResults.Ok(new MemberTokenResponse(token, conversationId, key.UserId, member.DisplayName, await MemberClock.IanaZoneAsync(db, member.Id, cancellationToken)));
    }

    private static JsonHttpResult<DirectLineError> SignedOut() => DirectLineError.Result(StatusCodes.Status401Unauthorized, "SignedOut",
        "This sign-in no longer works (unknown, expired, or the member was unlinked or deactivated); ask an admin for a new invitation.");
}

internal sealed record MemberTokenRequest(string? Key);

/// <summary>A member's sign-in; TimeZone is their IANA zone (their own, else the organization's), for the page's message stamps.</summary>
internal sealed record MemberTokenResponse(string Token, string ConversationId, string UserId, string UserName, string TimeZone);
