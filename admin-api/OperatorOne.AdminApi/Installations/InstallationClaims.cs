using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data;
using OperatorOne.Data.Channels;

namespace OperatorOne.AdminApi.Installations;

/// <summary>
/// Runs the channel's proof of ownership for a claim and records what it found: proven (unless another organization
/// holds the id), or pending with the next step and, for a Teams tenant, a one-time code kept only as a hash.
/// </summary>
internal sealed class InstallationClaims(IEnumerable<IInstallationProof> proofs, TimeProvider clock)
{
    public Task<ProofOutcome> ProveAsync(ChannelInstallation installation, string? secret, CancellationToken cancellationToken) =>
        proofs.FirstOrDefault(p => p.Channel == installation.Channel) is { } proof
            ? proof.ProveAsync(new InstallationClaim(installation.OrganizationId, installation.ExternalId, secret), cancellationToken)
            : Task.FromResult<ProofOutcome>(new ProofOutcome.Pending($"This server has no way to prove {installation.Channel} ownership."));

    /// <summary>Records the outcome and saves; the answer carries a new Teams code or the Slack install link once.</summary>
    public async Task<InstallationDto> ApplyAsync(OperatorOneDb db, ChannelInstallation installation, ProofOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case ProofOutcome.Proven proven:
                if (proven.DisplayName is { Length: > 0 } name && installation.DisplayName.Length == 0)
                {
                    installation.DisplayName = name.Length <= 200 ? name : name[..200];
                }
                await Bot.Core.Tenancy.Installations.MarkProvenAsync(db, installation, proven.Proof, proven.TakenReason, clock.GetUtcNow(), cancellationToken);
                return InstallationDto.From(installation);
            case ProofOutcome.Pending pending:
                installation.PendingReason = pending.NextStep.Length <= 500 ? pending.NextStep : pending.NextStep[..500];
                if (pending.Challenge is { } code)
                {
                    installation.ChallengeHash = SecretBox.Hash(code);
                }
                await db.SaveChangesAsync(cancellationToken);
                return InstallationDto.From(installation, verificationCode: pending.Challenge, installUrl: pending.Link);
            default:
                throw new InvalidOperationException($"A refused claim is not recorded ({outcome.GetType().Name}).");
        }
    }
}
