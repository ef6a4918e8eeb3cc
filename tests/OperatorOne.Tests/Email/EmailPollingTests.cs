using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OperatorOne.Channels.Email;
using OperatorOne.Data.Email;

namespace OperatorOne.Tests.Email;

/// <summary>A support mailbox on an IMAP server without IDLE: the reader polls, and still takes every mail once.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailPollingTests(EmailFixture fixture)
{
    private const string Folder = "Polled";

    [Fact]
    public async Task AServerWithoutIdleIsPolledAndMailArrivingWhileTheReaderWaitsIsTaken()
    {
        await using var noIdle = new MailServers { OfferIdle = false };
        await noIdle.StartAsync();
        var org = await EmailOrganization.CreateAsync(fixture);
        var customer = org.Outsider();
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", noIdle.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(org.Support, MailServers.Password);
        Assert.False(client.Capabilities.HasFlag(ImapCapabilities.Idle), "The second Dovecot must not offer IDLE.");
        // Its own folder, so its receipts never share a ledger key with the host's reader of the same address on the first server.
        var folder = await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(Folder, isMessageFolder: true)
            ?? throw new InvalidOperationException($"Dovecot did not create the {Folder} folder.");
        var services = fixture.Host.Services;
        var hostOptions = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        var options = new EmailOptions
        {
            Smtp = hostOptions.Smtp,
            Imap = new MailServerOptions { Host = "127.0.0.1", Port = noIdle.ImapPort, Security = MailSecurity.None, Folder = Folder },
            TrustedAuthServIds = hostOptions.TrustedAuthServIds,
            PublicBaseUrl = hostOptions.PublicBaseUrl,
            PollSeconds = 2,
        };
        var reader = new MailboxReader(new Mailbox(org.Id, org.Support), "polling-replica", options, services.GetRequiredService<EmailMailboxes>(),
            services.GetRequiredService<EmailReceipts>(), services.GetRequiredService<IServiceScopeFactory>(), NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = reader.RunAsync(stop.Token);
        try
        {
            var first = org.Mail(customer, "Badge does not open the door", "Since this morning.");
            await folder.AppendAsync(new AppendRequest(first));
            await org.WaitForTicketsAsync(t => t.Count == 1);

            // The reader has taken its batch and is waiting without IDLE: only a poll can find this one.
            var second = org.Mail(customer, "Coffee machine leaks", "Water on the floor.");
            await folder.AppendAsync(new AppendRequest(second));

            var tickets = await org.WaitForTicketsAsync(t => t.Count == 2);
            Assert.Equal(["Badge does not open the door", "Coffee machine leaks"], tickets.Select(t => t.Title));
            Assert.Equal(EmailReceiptStatus.Done, (await org.WaitForReceiptAsync(r => r.MessageId == second.MessageId)).Status);
            await fixture.Mail.WaitForMailAsync(customer, m => m.InReplyTo == second.MessageId);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
            await client.DisconnectAsync(true);
        }
    }
}
