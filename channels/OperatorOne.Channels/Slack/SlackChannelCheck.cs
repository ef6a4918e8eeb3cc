using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Slack, hop by hop: the signing secret in settings, whether it matched the last request Slack sent, a workspace
/// connected to this organization, and that workspace's bot token (auth.test).
/// </summary>
internal sealed class SlackChannelCheck(IOptions<SlackOptions> options, IOptions<OnboardingOptions> onboarding, SlackSignatureWatch watch,
    IServiceProvider services) : IChannelCheck
{
    public string Channel => ChannelNames.Slack;

    public async Task<ChannelReport> CheckAsync(ChannelCheckContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var links = onboarding.Value;
        var setup = new Dictionary<string, string>
        {
            ["eventsUrl"] = links.Absolute("/api/slack/events", context.RequestBase),
            ["interactivityUrl"] = links.Absolute("/api/slack/interactions", context.RequestBase),
            ["slashCommandUrl"] = links.Absolute("/api/slack/commands", context.RequestBase),
        };
        if (!settings.IsEnabled)
        {
            return ChannelReport.From(Channel, "Slack",
            [
                new("Slack settings", false, "Slack__SigningSecret is not set.",
                    "Create the Slack app from manifests/slack/manifest.yaml, set Slack__SigningSecret (Basic Information → Signing Secret) and restart."),
            ], setup);
        }
        if (settings.CanInstall)
        {
            setup["installLink"] = links.Absolute(services.GetRequiredService<SlackInstallState>().InstallLink(context.OrganizationId), context.RequestBase);
            setup["redirectUrl"] = settings.RedirectUri ?? links.Absolute("/api/slack/oauth/callback", context.RequestBase);
        }
        var hops = new List<ChannelHop> { new("Slack settings", true, settings.CanInstall ? "Signing secret and OAuth install set." : "Signing secret set.") };
        hops.Add(watch.Last switch
        {
            null => new("Signing secret", true, "No request from Slack has reached this replica yet."),
            { Check: SignatureCheck.Valid } seen => new("Signing secret", true, $"Matched the last request from Slack ({seen.At:u})."),
            { Check: SignatureCheck.Stale } seen => new("Signing secret", false,
                $"the last request ({seen.At:u}) was signed more than five minutes away from this machine's clock.", "Set the machine's clock right (NTP)."),
            var seen => new("Signing secret", false, $"the signing secret does not match the last request ({seen.At:u}).",
                "Copy the Signing Secret from the Slack app's Basic Information page into Slack__SigningSecret and restart."),
        });

        var workspace = await context.Db.ChannelInstallations.AsNoTracking()
            .Where(i => i.Channel == ChannelNames.Slack).OrderBy(i => i.RevokedAt != null).ThenByDescending(i => i.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var fix = settings.CanInstall ? "Open the install link (Add to Slack) as a Slack admin of your workspace."
            : "Set Slack__ClientId and Slack__ClientSecret to offer the Add to Slack link, or Slack__BotToken and Slack__TeamId for one workspace.";
        if (workspace is null)
        {
            hops.Add(new("Slack workspace", false, "No Slack workspace is connected to this organization.", fix));
            return ChannelReport.From(Channel, "Slack", hops, setup);
        }
        if (workspace.RevokedAt is { } revoked)
        {
            hops.Add(new("Slack workspace", false, $"workspace {workspace.ExternalId} uninstalled the app or revoked its token ({revoked:u}).", fix));
            return ChannelReport.From(Channel, "Slack", hops, setup);
        }
        hops.Add(new("Slack workspace", true, $"Workspace {workspace.ExternalId} is connected to this organization."));
        hops.Add(await TokenHopAsync(workspace.ExternalId, fix, cancellationToken));
        return ChannelReport.From(Channel, "Slack", hops, setup);
    }

    private async Task<ChannelHop> TokenHopAsync(string teamId, string fix, CancellationToken cancellationToken)
    {
        const string Name = "Slack bot token";
        if (await services.GetRequiredService<SlackWorkspaces>().BotTokenAsync(teamId, cancellationToken) is not { } token)
        {
            return new(Name, false, $"there is no bot token for workspace {teamId}.", fix);
        }
        var result = await services.GetRequiredService<SlackApi>().AuthTestAsync(token, cancellationToken);
        return result.Ok ? new(Name, true, $"auth.test passed as {result.String("user_id")} in {result.String("team_id")}.")
            : result.Transient ? new(Name, false, $"Slack's Web API could not be reached ({result.Error}).", "Check the machine can reach slack.com over HTTPS.")
            : new(Name, false, $"Slack refused the bot token ({result.Error}).", fix);
    }
}
