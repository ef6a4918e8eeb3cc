using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Email;

/// <summary>
/// A support mailbox is proven by signing in to it: the configured IMAP server accepts the address with the password
/// given as the installation's secret, which only whoever holds the mailbox can do.
/// </summary>
internal sealed class EmailMailboxProof(IOptions<EmailOptions> options) : IInstallationProof
{
    private const int TimeoutMilliseconds = 10_000;

    public string Channel => ChannelNames.Email;

    public async Task<ProofOutcome> ProveAsync(InstallationClaim claim, CancellationToken cancellationToken)
    {
        var imap = options.Value.Imap;
        if (string.IsNullOrWhiteSpace(imap.Host))
        {
            return new ProofOutcome.Pending("Set Email:Imap:Host: a mailbox is proven by signing in to it; then POST …/verify.");
        }
        if (string.IsNullOrEmpty(claim.Secret))
        {
            return new ProofOutcome.Refused("secret", "A mailbox is proven by signing in to it: give its IMAP password as secret.");
        }
        using var client = new ImapClient { Timeout = TimeoutMilliseconds };
        try
        {
            await client.ConnectAsync(imap.Host, imap.Port, imap.Security.ToMailKit(), cancellationToken);
            await client.AuthenticateAsync(claim.ExternalId, claim.Secret, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new ProofOutcome.Proven(InstallationProofs.EmailSignIn, "Another organization already reads this mailbox.");
        }
        catch (AuthenticationException)
        {
            return new ProofOutcome.Refused("secret", $"The IMAP server refused {claim.ExternalId} with this password.");
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException or ProtocolException or SslHandshakeException)
        {
            return new ProofOutcome.Pending($"The IMAP server {imap.Host}:{imap.Port} could not be reached ({e.Message}); POST …/verify to try again.");
        }
    }
}
