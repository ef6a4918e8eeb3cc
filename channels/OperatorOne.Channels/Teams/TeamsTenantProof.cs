using System.Security.Cryptography;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Teams;

/// <summary>
/// A Teams tenant is proven by a signed activity from inside it: the claim gets a one-time code, and someone signed in
/// to that tenant sends the bot "verify CODE" (<see cref="TeamsTenantConfirmation"/>). Only the Bot Connector can sign
/// such an activity, and only a tenant where the app is installed can send one.
/// </summary>
internal sealed class TeamsTenantProof(TeamsChannelMode channel) : IInstallationProof
{
    /// <summary>No 0/O or 1/I/L: the code is read off one screen and typed into another.</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public string Channel => ChannelNames.Teams;

    public Task<ProofOutcome> ProveAsync(InstallationClaim claim, CancellationToken cancellationToken)
    {
        if (channel.Mode != TeamsMode.Authenticated)
        {
            return Task.FromResult<ProofOutcome>(new ProofOutcome.Pending(
                "The Teams channel is not set up with an Azure Bot (Teams:AppId), so no signed activity can prove the tenant yet."));
        }
        var code = NewCode();
        return Task.FromResult<ProofOutcome>(new ProofOutcome.Pending(
            $"In Microsoft Teams, signed in to tenant {claim.ExternalId} with the OperatorOne app installed, send the bot: verify {code}", code));
    }

    private static string NewCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 8);
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}";
    }
}
