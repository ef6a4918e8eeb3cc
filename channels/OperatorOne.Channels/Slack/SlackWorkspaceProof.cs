using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// A Slack workspace is proven by a bot token whose auth.test answers that very team, or by the OAuth install (the
/// install link, completed in <see cref="SlackInstallEndpoints"/>); without either it stays pending.
/// </summary>
internal sealed class SlackWorkspaceProof(SlackApi api, SlackInstallState states, IOptions<SlackOptions> options) : IInstallationProof
{
    /// <summary>Said only to whoever proved they control the workspace: the fact is theirs.</summary>
    public const string Taken = "This Slack workspace is connected to another organization; it must be disconnected there before it can serve this one.";

    public string Channel => ChannelNames.Slack;

    public async Task<ProofOutcome> ProveAsync(InstallationClaim claim, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled)
        {
            return new ProofOutcome.Pending("The Slack channel is not set up on this server (Slack:SigningSecret), so the workspace cannot be checked yet.");
        }
        if (claim.Secret is { Length: > 0 } token)
        {
            var check = await api.AuthTestAsync(token, cancellationToken);
            var team = check.String("team_id");
            return check switch
            {
                { Ok: true } when team == claim.ExternalId => new ProofOutcome.Proven(InstallationProofs.SlackAuthTest, Taken, check.String("team")),
                { Ok: true } => new ProofOutcome.Refused("secret", $"This bot token belongs to workspace {team}, not {claim.ExternalId}."),
                { Transient: true } => new ProofOutcome.Pending($"Slack could not check the bot token ({check.Error}); POST …/verify to try again."),
                _ => new ProofOutcome.Refused("secret", $"Slack refused the bot token ({check.Error})."),
            };
        }
        return string.IsNullOrWhiteSpace(settings.ClientId)
            ? new ProofOutcome.Pending("Give the workspace's bot token (xoxb-…) as the secret: its auth.test must answer this workspace.")
            : new ProofOutcome.Pending("Open the install link (relative to the bot's address) signed in to the workspace and allow the app; " +
                "Slack's OAuth install proves the workspace. Or give its bot token as the secret.", Link: states.InstallLink(claim.OrganizationId));
    }
}
