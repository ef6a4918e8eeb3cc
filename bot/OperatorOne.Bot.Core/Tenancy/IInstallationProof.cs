namespace OperatorOne.Bot.Core.Tenancy;

/// <summary>
/// A channel's way to check that the organization registering one of its ids controls it (a Slack bot token's
/// auth.test, the Twilio account's numbers), or to say what still has to happen (a code sent from inside the Teams tenant).
/// </summary>
public interface IInstallationProof
{
    /// <summary>The channel name (<c>ChannelNames</c>) this proof is for.</summary>
    string Channel { get; }

    Task<ProofOutcome> ProveAsync(InstallationClaim claim, CancellationToken cancellationToken);
}

/// <summary>Who claims which id, and the secret given with the claim (a Slack bot token), if any.</summary>
public sealed record InstallationClaim(Guid OrganizationId, string ExternalId, string? Secret);

/// <summary>What a proof found: proven, still pending (with the next step), or a claim that is wrong as given.</summary>
public abstract record ProofOutcome
{
    private ProofOutcome()
    {
    }

    /// <param name="Proof">How (<c>InstallationProofs</c>).</param>
    /// <param name="TakenReason">What to say when another organization already holds the id; only a proof that shows the
    /// claimant controls the id (and so owns the fact) may say so, others must not reveal it.</param>
    /// <param name="DisplayName">The channel's own name for it (the Slack workspace's), if it told one.</param>
    public sealed record Proven(string Proof, string TakenReason, string? DisplayName = null) : ProofOutcome;

    /// <param name="NextStep">What the organization must do to prove it.</param>
    /// <param name="Challenge">A one-time code to send from inside the channel; kept only as a hash, shown once.</param>
    /// <param name="Link">Where to go next (the Slack install link).</param>
    public sealed record Pending(string NextStep, string? Challenge = null, string? Link = null) : ProofOutcome;

    /// <summary>The claim cannot be right as given (a token of another workspace): 400 on <paramref name="Field"/>, nothing stored.</summary>
    /// <param name="Field">The request field at fault.</param>
    /// <param name="Reason">Why.</param>
    public sealed record Refused(string Field, string Reason) : ProofOutcome;
}
