using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Channels.Email;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Email;
using OperatorOne.Data.Members;
using OperatorOne.Data.Outbox;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Email;

/// <summary>Mail out: notices where members want them, the ledger's fallback to email, invitations, and replicas sharing a mailbox.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailNoticeTests(EmailFixture fixture)
{
    private MailServers Mail => fixture.Mail;

    [Fact]
    public async Task AnAdminWhoChoseEmailGetsTheApprovalCardByMail()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        using var admin = await Chat.StartAsync(fixture.Host, org.Organization, "admin");
        await admin.Send("notify me by email");
        await admin.ExpectReply("by email");
        var preference = await fixture.Host.InOrganizationAsync(org.Id, db => db.Members.Where(m => m.Handle == "admin").Select(m => m.NotifyBy).SingleAsync());
        Assert.Equal(NoticePreference.Email, preference);
        using var member = await Chat.StartAsync(fixture.Host, org.Organization, "member");
        await member.Send("open a ticket: broken chair");
        await member.Send("delete ticket 1");
        await member.ExpectReply("approval request #1");

        var card = await Mail.WaitForMailAsync(org.MemberAddress("admin"), m => m.Subject?.StartsWith("Approval needed", StringComparison.Ordinal) == true);

        Assert.Contains("Approval #1", card.HtmlBody);
        Assert.Contains("Buttons can't be clicked in a mail", card.TextBody);
        Assert.Contains(EmailFixture.PublicBaseUrl, card.HtmlBody);
        var chatCards = await fixture.Host.InOrganizationAsync(org.Id, db => db.ApprovalCardCopies
            .Join(db.Conversations, c => c.ConversationId, c => c.Id, (_, c) => c.Channel).ToListAsync());
        Assert.DoesNotContain(ChannelNames.WebChat, chatCards);
        Assert.Contains(ChannelNames.Email, chatCards);
    }

    [Fact]
    public async Task ANoticeToAStaleChatGoesToTheMembersEmailAndTheLedgerSaysSo()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        var memberId = org.Organization.Members["member"];
        // A Teams conversation whose reference can no longer be used: the real Teams sender reports it stale.
        var original = await fixture.Host.InOrganizationAsync(org.Id, async db =>
        {
            var conversation = new Conversation
            {
                Id = Guid.NewGuid(), OrganizationId = org.Id, Channel = ChannelNames.Teams, ExternalId = "a:stale-" + Guid.NewGuid().ToString("N"),
                MemberId = memberId, Reference = BotJson.Serialize(new ConversationReference
                {
                    ChannelId = ChannelNames.Teams, Conversation = new ConversationAccount { Id = "a:stale" }, User = new ChannelAccount { Id = "29:mia" },
                }),
                CreatedAt = DateTimeOffset.UtcNow, LastActivityAt = DateTimeOffset.UtcNow,
            };
            db.Conversations.Add(conversation);
            var message = fixture.Host.Services.GetRequiredService<OutboxWriter>()
                .Send(db, conversation, Activity.Message("Reminder: #4 Budget starts in 15 minutes."));
            await db.SaveChangesAsync();
            return message.Id;
        });
        fixture.Host.Services.GetRequiredService<OperatorOne.Bot.Core.Work.WorkSignal>().Notify(OutboxWork.QueueName);

        var mail = await Mail.WaitForMailAsync(org.MemberAddress("member"), m => m.TextBody?.Contains("#4 Budget") == true);

        Assert.Equal("Reminder: #4 Budget starts in 15 minutes.", mail.Subject);
        var rows = await fixture.Host.InOrganizationAsync(org.Id, db => db.OutboxMessages.AsNoTracking().ToListAsync());
        var failed = rows.Single(r => r.Id == original);
        Assert.Equal(OutboxStatus.Rerouted, failed.Status);
        Assert.Contains(org.MemberAddress("member"), failed.LastError);
        var rerouted = rows.Single(r => r.ReroutedFromId == original);
        Assert.Equal(OutboxStatus.Sent, rerouted.Status);
        Assert.Equal(mail.MessageId, rerouted.SentActivityId);
        var audit = await fixture.Host.InOrganizationAsync(org.Id, db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.Kind == "delivery_rerouted"));
        Assert.Contains("msteams", audit.Detail);
    }

    [Fact]
    public async Task ANoticeWhoseChannelIsGoneGoesToEmailAndTheAdminLedgerShowsWhereItWent()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        var memberId = org.Organization.Members["member"];
        // A Slack conversation from when the organization used Slack; this host has no Slack channel any more.
        var original = await fixture.Host.InOrganizationAsync(org.Id, async db =>
        {
            var conversation = new Conversation
            {
                Id = Guid.NewGuid(), OrganizationId = org.Id, Channel = ChannelNames.Slack, ExternalId = "T1:D-gone-" + Guid.NewGuid().ToString("N"),
                MemberId = memberId, Reference = BotJson.Serialize(new ConversationReference
                {
                    ChannelId = ChannelNames.Slack, Conversation = new ConversationAccount { Id = "D-gone" }, User = new ChannelAccount { Id = "U-mia" },
                }),
                CreatedAt = DateTimeOffset.UtcNow, LastActivityAt = DateTimeOffset.UtcNow,
            };
            db.Conversations.Add(conversation);
            var message = fixture.Host.Services.GetRequiredService<OutboxWriter>()
                .Send(db, conversation, Activity.Message("Ticket #7 Projector was closed."));
            await db.SaveChangesAsync();
            return message.Id;
        });
        fixture.Host.Services.GetRequiredService<OperatorOne.Bot.Core.Work.WorkSignal>().Notify(OutboxWork.QueueName);

        var mail = await Mail.WaitForMailAsync(org.MemberAddress("member"), m => m.TextBody?.Contains("#7 Projector") == true);

        Assert.Equal("Ticket #7 Projector was closed.", mail.Subject);
        using var owner = await AdminKeys.ClientAsync(fixture.Host, org.Organization, "owner");
        // The ledger is written just after the mail server took the mail: wait for it to say so, not for a while.
        var entry = await WaitForLedgerAsync(owner, $"{AdminKeys.Base(org.Organization)}/outbox/failures", original);
        Assert.Equal("rerouted", entry.GetProperty("status").GetString());
        Assert.Equal(ChannelNames.Slack, entry.GetProperty("channel").GetString());
        Assert.Contains("slack channel is not configured", entry.GetProperty("lastError").GetString());
        Assert.Contains(org.MemberAddress("member"), entry.GetProperty("lastError").GetString());
        var reroutedTo = entry.GetProperty("reroutedTo");
        Assert.Equal(ChannelNames.Email, reroutedTo.GetProperty("channel").GetString());
        Assert.Equal("sent", reroutedTo.GetProperty("status").GetString());
        var standIn = await fixture.Host.InOrganizationAsync(org.Id, db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ReroutedFromId == original));
        Assert.Equal(standIn.Id, reroutedTo.GetProperty("id").GetInt64());
        Assert.Equal(mail.MessageId, standIn.SentActivityId);
        var depth = await owner.GetFromJsonAsync<JsonElement>($"{AdminKeys.Base(org.Organization)}/outbox");
        Assert.Equal(1, depth.GetProperty("rerouted").GetInt32());
        Assert.Equal(0, depth.GetProperty("dead").GetInt32());
        var audit = await fixture.Host.InOrganizationAsync(org.Id, db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.Kind == "delivery_rerouted"));
        Assert.Contains("slack", audit.Detail);
    }

    /// <summary>Polls the admin API (up to 60 s) until the notice's ledger entry names a stand-in whose delivery is over.</summary>
    private static async Task<JsonElement> WaitForLedgerAsync(HttpClient admin, string route, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var entries = await admin.GetFromJsonAsync<JsonElement>(route);
            var entry = entries.EnumerateArray().FirstOrDefault(e => e.GetProperty("id").GetInt64() == id);
            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("reroutedTo", out var to)
                && to.ValueKind == JsonValueKind.Object && to.GetProperty("status").GetString() != "pending")
            {
                return entry;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The ledger never showed where notice {id} went: {entries}");
            }
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task AnInvitationReachesAnAttendeeWhoChoseEmailWithACalendarRequest()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        await fixture.Host.InOrganizationAsync(org.Id, async db =>
        {
            (await db.Members.SingleAsync(m => m.Handle == "member")).NotifyBy = NoticePreference.Email;
            return await db.SaveChangesAsync();
        });
        using var owner = await Chat.StartAsync(fixture.Host, org.Organization, "owner");

        await owner.Send("schedule a meeting with Mia 2031-03-04 15:00 for 30 minutes about budget");
        await owner.ExpectReply("Booked");

        var invitation = await Mail.WaitForMailAsync(org.MemberAddress("member"), m => m.BodyParts.OfType<TextPart>().Any(p => p.ContentType.IsMimeType("text", "calendar")));
        var calendar = invitation.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Contains("METHOD:REQUEST", calendar.Text);
        // iCalendar folds lines longer than 75 octets; a reader unfolds them before reading a property.
        var unfolded = calendar.Text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\n ", "", StringComparison.Ordinal);
        Assert.Contains($"mailto:{org.MemberAddress("member")}", unfolded, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("DTSTART:20310304T", unfolded);
        Assert.Contains("invited you to", invitation.TextBody);
    }

    [Fact]
    public async Task TwoReplicasReadingOneMailboxTakeEachMailOnce()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        var customer = org.Outsider();
        var services = fixture.Host.Services;
        var options = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        var secondReplica = new MailboxReader(new Mailbox(org.Id, org.Support), "second-replica", options, services.GetRequiredService<EmailMailboxes>(),
            services.GetRequiredService<EmailReceipts>(), services.GetRequiredService<IServiceScopeFactory>(), NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = secondReplica.RunAsync(stop.Token);

        var subjects = Enumerable.Range(1, 6).Select(i => $"Question {i}").ToList();
        foreach (var subject in subjects)
        {
            await Mail.SendAsync(org.Mail(customer, subject, "Please help."));
        }

        var tickets = await org.WaitForTicketsAsync(t => t.Count >= 6);
        await stop.CancelAsync();
        await running;
        Assert.Equal(subjects, tickets.Select(t => t.Title).Order());
        var receipts = await org.ReceiptsAsync();
        Assert.Equal(6, receipts.Count);
        Assert.All(receipts, r => Assert.Equal(EmailReceiptStatus.Done, r.Status));
        var answers = await Mail.InboxAsync(customer);
        Assert.Equal(6, answers.Count);
    }
}
