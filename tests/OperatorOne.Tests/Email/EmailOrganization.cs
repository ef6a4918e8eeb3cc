using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Email;
using OperatorOne.Data.Tickets;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Email;

/// <summary>
/// A test organization with its own support mailbox (an email installation, its password stored encrypted as the admin
/// API would), members with addresses at company.test, and helpers to write mail to it as members or outsiders.
/// </summary>
public sealed class EmailOrganization(EmailFixture fixture, TestOrganization organization, string suffix)
{
    public TestOrganization Organization => organization;
    public Guid Id => organization.Id;
    public string Support => $"support-{suffix}@company.test";
    public string MemberAddress(string handle) => $"{handle}-{suffix}@company.test";
    public string Outsider(string name = "customer") => $"{name}-{suffix}@customer.test";

    public static async Task<EmailOrganization> CreateAsync(EmailFixture fixture)
    {
        var organization = await TestOrganization.CreateAsync(fixture.Host);
        var mailbox = new EmailOrganization(fixture, organization, Guid.NewGuid().ToString("N")[..10]);
        var secrets = fixture.Host.Services.GetRequiredService<SecretBox>();
        await fixture.Host.InOrganizationAsync(organization.Id, async db =>
        {
            db.ChannelInstallations.Add(new ChannelInstallation
            {
                Id = Guid.NewGuid(), OrganizationId = organization.Id, Channel = ChannelNames.Email, ExternalId = mailbox.Support,
                SecretCipher = secrets.Encrypt(MailServers.Password), CreatedAt = DateTimeOffset.UtcNow,
                VerifiedAt = DateTimeOffset.UtcNow, Proof = InstallationProofs.EmailSignIn,
            });
            foreach (var member in await db.Members.ToListAsync())
            {
                member.Email = mailbox.MemberAddress(member.Handle);
            }
            return await db.SaveChangesAsync();
        });
        return mailbox;
    }

    /// <summary>A plain mail to the support mailbox.</summary>
    public MimeMessage Mail(string from, string subject, string text, string? name = null)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test") };
        message.From.Add(new MailboxAddress(name ?? "", from));
        message.To.Add(new MailboxAddress("Support", Support));
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>What our receiving server's verifier writes when DKIM and DMARC pass for the sender's domain.</summary>
    public static void Verify(MimeMessage message, string authServId = MailServers.AuthServId)
    {
        var domain = message.From.Mailboxes.Single().Domain;
        message.Headers.Insert(0, new Header("Authentication-Results",
            $"{authServId}; dkim=pass header.d={domain} header.s=sel; spf=pass smtp.mailfrom={domain}; dmarc=pass header.from={domain}"));
    }

    public Task<List<Ticket>> TicketsAsync() =>
        fixture.Host.InOrganizationAsync(Id, db => db.Tickets.AsNoTracking().Include(t => t.Comments).OrderBy(t => t.Number).ToListAsync());

    public Task<List<EmailReceipt>> ReceiptsAsync() =>
        fixture.Host.InOrganizationAsync(Id, db => db.EmailReceipts.AsNoTracking().OrderBy(r => r.Uid).ToListAsync());

    /// <summary>Waits (up to 30 s) for a receipt that is no longer pending and matches.</summary>
    public async Task<EmailReceipt> WaitForReceiptAsync(Func<EmailReceipt, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = (await ReceiptsAsync()).FirstOrDefault(r => r.Status != EmailReceiptStatus.Pending && match(r));
            if (found is not null)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No finished receipt matched; receipts: {string.Join("; ", (await ReceiptsAsync()).Select(r => $"{r.Uid} {r.Status} {r.Outcome}"))}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Waits (up to 30 s) until the organization's tickets satisfy <paramref name="done"/>.</summary>
    public async Task<List<Ticket>> WaitForTicketsAsync(Func<List<Ticket>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var tickets = await TicketsAsync();
            if (done(tickets))
            {
                return tickets;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Tickets never matched; there are {tickets.Count}.");
            }
            await Task.Delay(100);
        }
    }
}
