using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Data.Outbox;

namespace OperatorOne.Tests.Email;

/// <summary>Mail leaves through the outbox: while the SMTP server is down a notice waits and is retried, then sent once.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailRetryTests(EmailFixture fixture)
{
    private MailServers Mail => fixture.Mail;

    [Fact]
    public async Task ANoticeQueuedWhileTheMailServerIsDownIsRetriedAndArrivesOnce()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        var address = org.MemberAddress("member");
        const string Text = "Ticket #9 Boiler: a technician comes tomorrow at 8.";
        await Mail.StopSmtpAsync();
        long id;
        try
        {
            id = await fixture.Host.InOrganizationAsync(org.Id, async db =>
            {
                var mailbox = await EmailConversations.MailboxAsync(db, CancellationToken.None);
                var conversation = await EmailConversations.ForMemberAsync(db, org.Id, org.Organization.Members["member"], "Mia", address, mailbox!,
                    DateTimeOffset.UtcNow, CancellationToken.None);
                var message = fixture.Host.Services.GetRequiredService<OutboxWriter>().Send(db, conversation, Activity.Message(Text));
                await db.SaveChangesAsync();
                return message.Id;
            });
            fixture.Host.Services.GetRequiredService<WorkSignal>().Notify(OutboxWork.QueueName);

            // An attempt failed on the refused connection: the notice waits for a later attempt instead of dying.
            var waiting = await WaitForMessageAsync(org, id, m => m.Attempts >= 1);
            Assert.Equal(OutboxStatus.Pending, waiting.Status);
            Assert.Contains("Mail not sent yet", waiting.LastError);
        }
        finally
        {
            await Mail.StartSmtpAsync();
        }

        var mail = await Mail.WaitForMailAsync(address, m => m.Subject == Text);
        var sent = await WaitForMessageAsync(org, id, m => m.Status != OutboxStatus.Pending);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(mail.MessageId, sent.SentActivityId);
        Assert.Single(await Mail.InboxAsync(address), m => m.Subject == Text);
    }

    /// <summary>Waits (up to 60 s) until the outbox message matches.</summary>
    private async Task<OutboxMessage> WaitForMessageAsync(EmailOrganization org, long id, Func<OutboxMessage, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var message = await fixture.Host.InOrganizationAsync(org.Id, db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
            if (match(message))
            {
                return message;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Outbox message {id} stayed {message.Status} after {message.Attempts} attempt(s): {message.LastError}");
            }
            await Task.Delay(100);
        }
    }
}
