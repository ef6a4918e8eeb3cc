using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data;

namespace OperatorOne.Channels.Slack;

/// <summary>Slack workspaces (teams) as channel installations: which organization each belongs to, and its bot token.</summary>
internal sealed class SlackWorkspaces(IServiceScopeFactory scopes, SecretBox secrets, IOptions<SlackOptions> options)
{
    public const string Channel = "slack";

    public async Task<Guid?> FindOrganizationAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        return await Installations.FindOrganizationAsync(db, Channel, teamId, cancellationToken);
    }

    /// <summary>The workspace's own token (installed through OAuth, stored encrypted), else the configured single-workspace token.</summary>
    public async Task<string?> BotTokenAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOneDb>();
        var organizationId = await Installations.FindOrganizationAsync(db, Channel, teamId, cancellationToken);
        if (organizationId is { } id)
        {
            await db.UseOrganizationAsync(id, cancellationToken);
            var cipher = await db.ChannelInstallations
                .Where(i => i.Channel == Channel && i.ExternalId == teamId)
                .Select(i => i.SecretCipher)
                .SingleOrDefaultAsync(cancellationToken);
            if (cipher is not null)
            {
                return secrets.Decrypt(cipher);
            }
        }
        var settings = options.Value;
        return !string.IsNullOrWhiteSpace(settings.BotToken) && (string.IsNullOrWhiteSpace(settings.TeamId) || settings.TeamId == teamId)
            ? settings.BotToken
            : null;
    }
}
