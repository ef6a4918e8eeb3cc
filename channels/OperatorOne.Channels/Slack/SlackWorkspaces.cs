using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Slack workspaces (teams) as channel installations: which organization each belongs to, and its bot token.
/// A workspace in use is remembered for <see cref="Freshness"/>: every event and every pushed reply asked for it (three
/// statements each time, six of a Slack turn's nineteen). Only a live installation is remembered, so a workspace installed
/// on another replica is found at once; one revoked on another replica is used here for at most that long, which
/// Slack itself refuses (its tokens are revoked with it), and this replica forgets what it installs or revokes at once.
/// </summary>
internal sealed class SlackWorkspaces(IServiceScopeFactory scopes, SecretBox secrets, IOptions<SlackOptions> options, TimeProvider clock,
    ILogger<SlackWorkspaces> logger)
{
    internal static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Workspace> known = new(StringComparer.Ordinal);

    /// <summary>The organization a workspace serves; null when it is not installed, or was uninstalled or revoked.</summary>
    public async Task<Guid?> FindOrganizationAsync(string teamId, CancellationToken cancellationToken) =>
        (await LookUpAsync(teamId, cancellationToken)).Live?.OrganizationId;

    /// <summary>The workspace's own token (installed through OAuth, stored encrypted), else the configured single-workspace token.</summary>
    public async Task<string?> BotTokenAsync(string teamId, CancellationToken cancellationToken)
    {
        var (live, revoked) = await LookUpAsync(teamId, cancellationToken);
        // Revoked: Slack told us the app is gone; no token of ours works there any more.
        return live is not null ? live.Token : revoked ? null : ConfiguredToken(teamId);
    }

    /// <summary>Forgets what this replica remembers of a workspace: after it is installed, reinstalled or revoked here.</summary>
    public void Forget(string teamId) => known.TryRemove(teamId, out _);

    private async Task<(Workspace? Live, bool Revoked)> LookUpAsync(string teamId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (known.TryGetValue(teamId, out var remembered) && remembered.Until > now)
        {
            return (remembered, false);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        var installation = await FindAsync(db, teamId, cancellationToken);
        if (installation is not { RevokedAt: null })
        {
            Forget(teamId);
            return (null, installation is not null);
        }
        var token = installation.SecretCipher is { } cipher ? secrets.Decrypt(cipher) : ConfiguredToken(teamId);
        var live = new Workspace(installation.OrganizationId, token, now + Freshness);
        known[teamId] = live;
        return (live, false);
    }

    private string? ConfiguredToken(string teamId)
    {
        var settings = options.Value;
        return !string.IsNullOrWhiteSpace(settings.BotToken) && (string.IsNullOrWhiteSpace(settings.TeamId) || settings.TeamId == teamId)
            ? settings.BotToken
            : null;
    }

    /// <summary>app_uninstalled / tokens_revoked: forget the workspace's token and mark it unusable, audited. Repeats are harmless.</summary>
    public async Task RevokeAsync(string teamId, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        var installation = await FindAsync(db, teamId, cancellationToken);
        if (installation is null || installation.RevokedAt is not null)
        {
            Forget(teamId);
            return;
        }
        var now = clock.GetUtcNow();
        installation.SecretCipher = null;
        installation.RevokedAt = now;
        db.AuditEvents.Add(new AuditEvent
        {
            OrganizationId = installation.OrganizationId,
            Kind = AuditKinds.ChannelRevoked,
            Outcome = "ok",
            Detail = JsonSerializer.Serialize(new { channel = ChannelNames.Slack, team = teamId, reason }),
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        Forget(teamId);
        logger.LogWarning("Slack workspace {Team} of organization {Organization} is no longer usable: {Reason}", teamId, installation.OrganizationId, reason);
    }

    /// <summary>The installation row, tracked, in its organization's scope (RLS).</summary>
    private static async Task<Data.Channels.ChannelInstallation?> FindAsync(OperatorOneDb db, string teamId, CancellationToken cancellationToken)
    {
        if (await Installations.FindOwnerAsync(db, ChannelNames.Slack, teamId, cancellationToken) is not { } organizationId)
        {
            return null;
        }
        await db.UseOrganizationAsync(organizationId, cancellationToken);
        return await db.ChannelInstallations.SingleOrDefaultAsync(i => i.Channel == ChannelNames.Slack && i.ExternalId == teamId, cancellationToken);
    }

    /// <summary>A live installation as last read: its organization, its bot token, and until when to trust that.</summary>
    private sealed record Workspace(Guid OrganizationId, string? Token, DateTimeOffset Until);
}
