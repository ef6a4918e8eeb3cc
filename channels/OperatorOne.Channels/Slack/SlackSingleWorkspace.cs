using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// A single-workspace setup (Slack:BotToken + Slack:TeamId) needs no OAuth install: at start, once the token's auth.test
/// has answered that team, the team gets a proven installation for Slack:OrganizationId, or, when that is not set, for the
/// only organization there is.
/// </summary>
internal sealed class SlackSingleWorkspace(IServiceScopeFactory scopes, IOptions<SlackOptions> options, TimeProvider clock,
    ILogger<SlackSingleWorkspace> logger)
{
    /// <summary>Connects the configured team when <paramref name="authTestTeam"/>, the team the configured token's auth.test answered, is it.</summary>
    public async Task EnsureInstalledAsync(string? authTestTeam, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled || string.IsNullOrWhiteSpace(settings.BotToken) || string.IsNullOrWhiteSpace(settings.TeamId))
        {
            return;
        }
        if (authTestTeam != settings.TeamId)
        {
            logger.LogError("Slack:BotToken belongs to workspace {Actual}, not Slack:TeamId {Configured}; the workspace is not connected", authTestTeam, settings.TeamId);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        var organizationId = settings.OrganizationId ?? await OnlyOrganizationAsync(db, cancellationToken);
        if (organizationId is not { } target)
        {
            logger.LogError("Slack:TeamId {Team} has no organization: set Slack:OrganizationId (there is not exactly one organization to default to)", settings.TeamId);
            return;
        }
        await db.UseOrganizationAsync(target, cancellationToken);
        if (!await db.Organizations.AnyAsync(o => o.Id == target, cancellationToken))
        {
            logger.LogError("Slack:OrganizationId {Organization} does not exist; Slack workspace {Team} is not connected", target, settings.TeamId);
            return;
        }
        var installation = await db.ChannelInstallations.SingleOrDefaultAsync(i => i.Channel == ChannelNames.Slack && i.ExternalId == settings.TeamId, cancellationToken);
        if (installation is null)
        {
            installation = new ChannelInstallation
            {
                Id = Guid.NewGuid(),
                OrganizationId = target,
                Channel = ChannelNames.Slack,
                ExternalId = settings.TeamId,
                DisplayName = settings.TeamId,
                CreatedAt = clock.GetUtcNow(),
            };
            db.ChannelInstallations.Add(installation);
        }
        else if (installation is { RevokedAt: not null, SecretCipher: null })
        {
            // The configured token is read again at every start: a replaced token brings a revoked workspace back.
            installation.RevokedAt = null;
        }
        if (!await Installations.MarkProvenAsync(db, installation, InstallationProofs.SlackAuthTest, SlackWorkspaceProof.Taken, clock.GetUtcNow(), cancellationToken))
        {
            logger.LogError("Slack workspace {Team} is already connected to another organization, not {Target}; leaving it there", settings.TeamId, target);
            return;
        }
        logger.LogInformation("Slack workspace {Team} serves organization {Organization} with the configured bot token", settings.TeamId, target);
    }

    private static async Task<Guid?> OnlyOrganizationAsync(OperatorOneDb db, CancellationToken cancellationToken)
    {
        var ids = await db.Database.SqlQuery<Guid>($"SELECT op_organization_ids AS \"Value\" FROM op_organization_ids() LIMIT 2").ToListAsync(cancellationToken);
        return ids.Count == 1 ? ids[0] : null;
    }
}
