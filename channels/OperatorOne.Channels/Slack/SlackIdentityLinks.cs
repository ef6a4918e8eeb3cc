using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Links a Slack user to a member the first time they talk to the bot, by the email Slack has verified for their
/// account (users.info), within the organization that installed the workspace. Only active members with that
/// exact email are linked; everyone else stays a guest.
/// </summary>
internal sealed class SlackIdentityLinks(IServiceScopeFactory scopes, SlackApi api, SlackWorkspaces workspaces, TimeProvider clock,
    ILogger<SlackIdentityLinks> logger)
{
    /// <summary>
    /// Slack users looked up lately, linked or without a match: nothing to do for them, so a member's every message costs
    /// no look-up (three statements before the turn) and a guest's no users.info call. A link removed meanwhile is made
    /// again by email at most this long after.
    /// </summary>
    private static readonly TimeSpan MissMemory = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<(string Team, string User), DateTimeOffset> _settled = new();

    /// <summary>Whether this user was looked up lately (linked, or no member to link): <see cref="EnsureLinkedAsync"/> would do nothing.</summary>
    public bool IsSettled(string teamId, string userId) =>
        _settled.TryGetValue((teamId, userId), out var until) && until > clock.GetUtcNow();

    public async Task EnsureLinkedAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (IsSettled(teamId, userId))
        {
            return;
        }
        if (await workspaces.FindOrganizationAsync(teamId, cancellationToken) is not { } organizationId)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        if (await db.ChannelIdentities.AnyAsync(i => i.Channel == ChannelNames.Slack && i.ExternalId == userId, cancellationToken))
        {
            _settled[(teamId, userId)] = now + MissMemory;
            return;
        }
        var member = await FindByEmailAsync(db, teamId, userId, cancellationToken);
        if (member is null)
        {
            _settled[(teamId, userId)] = now + MissMemory;
            return;
        }
        db.ChannelIdentities.Add(new ChannelIdentity
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            MemberId = member.Id,
            Channel = ChannelNames.Slack,
            ExternalId = userId,
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Linked Slack user {User} in {Team} to member {Member} by email", userId, teamId, member.Id);
        }
        catch (DbUpdateException)
        {
            // A concurrent turn of the same user linked them first.
        }
    }

    private async Task<Member?> FindByEmailAsync(OperatorOneDb db, string teamId, string userId, CancellationToken cancellationToken)
    {
        if (await workspaces.BotTokenAsync(teamId, cancellationToken) is not { } token)
        {
            return null;
        }
        var info = await api.UserInfoAsync(token, userId, cancellationToken);
        var user = SlackJson.Object(info.Body, "user");
        if (!info.Ok || user?["is_bot"]?.GetValueKind() == System.Text.Json.JsonValueKind.True || user?["deleted"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            return null;
        }
        var email = SlackJson.String(SlackJson.Object(user, "profile"), "email")?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }
        // Case-insensitive and literal: the email's own '_' or '%' must not act as wildcards.
        var pattern = email.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
        var matches = await db.Members.Where(m => m.IsActive && m.Email != null && EF.Functions.ILike(m.Email, pattern, @"\"))
            .Take(2).ToListAsync(cancellationToken);
        return matches.Count == 1 ? matches[0] : null;
    }
}
