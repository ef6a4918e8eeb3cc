using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Bot.Core.Pages;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// /join/{token}: the page an invitation link opens (who is invited to what), and its one-time claim, which links a web
/// chat identity of the organization's site to the member and hands the browser a key to sign in with from then on.
/// A claimed, revoked, expired or forged link is dead (403).
/// </summary>
internal static class JoinEndpoints
{
    public const string MemberKeyStorage = "operatorone.member-key";
    public const string WelcomeScriptPath = "/webchat/join.js";

    public static async Task<ContentHttpResult> ShowAsync(string token, InvitationLinks links, OperatorOneDb db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(token, links, db, clock, cancellationToken) is not { } found)
        {
            return Dead();
        }
        var body = $"""
            <h1>Join {PageShell.Encode(found.OrganizationName)}</h1>
            <p>You are invited as <strong>{PageShell.Encode(found.Member.DisplayName)}</strong> ({found.Member.Role.ToString().ToLowerInvariant()}, {PageShell.Encode(found.Invitation.Email)}).</p>
            <p>Joining signs this browser in to the web chat as {PageShell.Encode(found.Member.DisplayName)}. In Teams or Slack, write to the bot
            from the account with this email address and you are recognised there too.</p>
            <form method="post"><button type="submit">Join as {PageShell.Encode(found.Member.DisplayName)}</button></form>
            """;
        return TypedResults.Content(PageShell.Render("Join", body), "text/html; charset=utf-8");
    }

    public static async Task<ContentHttpResult> ClaimAsync(string token, InvitationLinks links, WebChatMemberKeys keys, OperatorOneDb db,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, links, db, clock, cancellationToken) is not { } found)
        {
            return Dead();
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One conditional update: of two clicks (or two replicas) exactly one claims the link.
        var claimed = await db.Invitations
            .Where(i => i.Id == found.Invitation.Id && i.ClaimedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ClaimedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return Dead();
        }
        var site = await SiteAsync(db, found.Invitation.OrganizationId, now, cancellationToken);
        var userId = $"member-{found.Member.Id:N}";
        if (!await db.ChannelIdentities.AnyAsync(i => i.Channel == ChannelNames.WebChat && i.ExternalId == userId, cancellationToken))
        {
            db.ChannelIdentities.Add(new ChannelIdentity
            {
                Id = Guid.NewGuid(), OrganizationId = found.Invitation.OrganizationId, MemberId = found.Member.Id,
                Channel = ChannelNames.WebChat, ExternalId = userId, CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        loggers.CreateLogger(typeof(JoinEndpoints)).LogInformation("Invitation {Invitation} claimed in the web chat by member {Member}",
            found.Invitation.Id, found.Member.Id);

        var key = keys.Issue(found.Invitation.OrganizationId, site, userId);
        var body = $"""
            <h1>Welcome, {PageShell.Encode(found.Member.DisplayName)}</h1>
            <p>This browser is now signed in to {PageShell.Encode(found.OrganizationName)}'s web chat. <a href="/">Open the chat</a>.</p>
            <p id="member-key" data-key="{PageShell.Encode(key)}" hidden></p>
            """;
        return TypedResults.Content(PageShell.Render("Welcome", body, WelcomeScriptPath), "text/html; charset=utf-8");
    }

    /// <summary>The welcome page's script: keeps the member key in this browser and opens the chat.</summary>
    public static ContentHttpResult WelcomeScript() => TypedResults.Content(
        $"localStorage.setItem({JsonSerializer.Serialize(MemberKeyStorage)}, document.getElementById('member-key').dataset.key); location.replace('/');",
        "text/javascript; charset=utf-8");

    private static async Task<FoundInvitation?> FindAsync(string token, InvitationLinks links, OperatorOneDb db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (token.Length > 200 || InvitationLinks.Read(token) is not var (organizationId, invitationId))
        {
            return null;
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null || !links.Matches(token, invitation) || invitation.ClaimedAt is not null || invitation.RevokedAt is not null
            || invitation.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == invitation.MemberId && m.IsActive, cancellationToken);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        return member is null || organization is null ? null : new FoundInvitation(invitation, member, organization);
    }

    /// <summary>The organization's first web chat site; one is made for an organization that has none.</summary>
    private static async Task<string> SiteAsync(OperatorOneDb db, Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var site = await db.ChannelInstallations.Where(i => i.Channel == ChannelNames.WebChat && i.RevokedAt == null)
            .OrderBy(i => i.CreatedAt).Select(i => i.ExternalId).FirstOrDefaultAsync(cancellationToken);
        if (site is not null)
        {
            return site;
        }
        site = $"site-{organizationId:N}";
        db.ChannelInstallations.Add(new ChannelInstallation
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, Channel = ChannelNames.WebChat, ExternalId = site, DisplayName = "Web chat",
            // Nobody holds this secret: its members sign in with their own keys; a site backend gets one by rotating it.
            SecretHash = SecretBox.Hash($"{site}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}"),
            CreatedAt = now, VerifiedAt = now, Proof = InstallationProofs.WebChatSite,
        });
        return site;
    }

    private static ContentHttpResult Dead() => TypedResults.Content(
        PageShell.Render("Invitation", "<h1>This invitation link does not work</h1><p>It was already used, withdrawn or has expired. Ask an admin for a new one.</p>"),
        "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);

    private sealed record FoundInvitation(Invitation Invitation, Member Member, string OrganizationName);
}
