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

/// <summary>Slack workspaces (teams) as channel installations: which organization each belongs to, and its bot token.</summary>
internal sealed class SlackWorkspaces(IServiceScopeFactory scopes, SecretBox secrets, IOptions<SlackOptions> options, TimeProvider clock,
    ILogger<SlackWorkspaces> logger)
{

    /// <summary>The organization a workspace serves; null when it is not installed, or was uninstalled or revoked.</summary>
    public async Task<Guid?> FindOrganizationAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        var installation = await FindAsync(db, teamId, cancellationToken);
        return installation is { RevokedAt: null } ? installation.OrganizationId : null;
    }

    /// <summary>The workspace's own token (installed through OAuth, stored encrypted), else the configured single-workspace token.</summary>
    public async Task<string?> BotTokenAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        var installation = await FindAsync(db, teamId, cancellationToken);
        if (installation is { RevokedAt: not null })
        {
            // Slack told us the app is gone; no token of ours works there any more.
            return null;
        }
        if (installation?.SecretCipher is { } cipher)
        {
            return secrets.Decrypt(cipher);
        }
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
}
