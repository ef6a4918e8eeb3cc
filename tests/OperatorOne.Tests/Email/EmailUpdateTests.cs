using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;
using OperatorOne.Skills.ServiceDesk;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Email;

/// <summary>People kept informed by real mail: a guest's ticket updates, a member's by preference, SLA alerts, "both".</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailUpdateTests(EmailFixture fixture)
{
    private MailServers Mail => fixture.Mail;

    [Fact]
    public async Task AGuestWhoWroteByMailHearsOfACommentAndAStatusChangeInTheirThread()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        var customer = org.Outsider();
        var mail = org.Mail(customer, "Printer jammed", "Paper stuck in tray 2.");
        await Mail.SendAsync(mail);
        await Mail.WaitForMailAsync(customer, m => m.InReplyTo == mail.MessageId);
        using var admin = await Chat.StartAsync(fixture.Host, org.Organization, "admin");

        await admin.Send("comment on 1: a technician comes at 3 pm");
        await admin.ExpectReply("Added your comment to ticket #1");
        await admin.Send("resolve ticket 1");
        await admin.ExpectReply("#1");

        var comment = await Mail.WaitForMailAsync(customer, m => m.TextBody?.Contains("commented on your ticket #1") == true);
        Assert.Contains("a technician comes at 3 pm", comment.TextBody);
        var resolved = await Mail.WaitForMailAsync(customer, m => m.TextBody?.Contains("is now resolved") == true);
        foreach (var update in new[] { comment, resolved })
        {
            // In the thread the guest started, so their mail client shows it under their own question.
            Assert.Contains(mail.MessageId, update.References);
            Assert.Contains("[#1]", update.Subject);
        }
    }

    [Fact]
    public async Task AMemberWhoChoseEmailHearsOfTheirTicketsUpdatesByMailOnly()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        using var member = await Chat.StartAsync(fixture.Host, org.Organization, "member");
        await member.Send("notify me by email");
        await member.ExpectReply("by email");
        await member.Send("open a ticket: monitor flickers");
        await member.ExpectReply("#1");
        using var admin = await Chat.StartAsync(fixture.Host, org.Organization, "admin");

        await admin.Send("comment on 1: a new monitor is ordered");
        await admin.ExpectReply("Added your comment to ticket #1");
        await admin.Send("resolve ticket 1");
        await admin.ExpectReply("#1");

        var address = org.MemberAddress("member");
        await Mail.WaitForMailAsync(address, m => m.TextBody?.Contains("a new monitor is ordered") == true);
        await Mail.WaitForMailAsync(address, m => m.TextBody?.Contains("is now resolved") == true);
        // Both notices were written in the tools' own transactions, so none can still be on its way to the chat.
        // "… commented on your ticket #1" and "Your ticket #1 … is now resolved".
        var toChat = await NoticeChannelsAsync(org, "your ticket #1");
        Assert.Equal([ChannelNames.Email, ChannelNames.Email], toChat);
    }

    [Fact]
    public async Task AnSlaBreachReachesAnAssigneeWhoChoseBothInChatAndByMail()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        using var admin = await Chat.StartAsync(fixture.Host, org.Organization, "admin");
        using var member = await Chat.StartAsync(fixture.Host, org.Organization, "member");
        await admin.Send("set sla for high to 10 minutes response and 60 minutes resolution");
        await admin.ExpectReply("60 minutes");
        await member.Send("notify me by both");
        await member.ExpectReply("in chat and by email");
        await member.Send("open a ticket: server room is hot, high priority");
        await member.ExpectReply("#1");
        await member.Send("take ticket 1");
        await member.ExpectReply("Assigned");
        var created = await fixture.Host.InOrganizationAsync(org.Id, db => db.Tickets.Select(t => t.CreatedAt).SingleAsync());

        await fixture.Host.Services.GetRequiredService<SlaScan>().ScanAsync(created.AddMinutes(61), CancellationToken.None);

        var alert = await Mail.WaitForMailAsync(org.MemberAddress("member"), m => m.TextBody?.Contains("SLA breached: ticket #1") == true);
        Assert.StartsWith("SLA breached", alert.Subject, StringComparison.Ordinal);
        await member.ExpectReply("SLA breached: ticket #1");
    }

    [Fact]
    public async Task NotifyByIsSetThroughTheAdminApiAndBothSendsTheApprovalCardToChatAndMail()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        using var owner = await AdminKeys.ClientAsync(fixture.Host, org.Organization, "owner");
        var adminRoute = $"{AdminKeys.Base(org.Organization)}/members/{org.Organization.Members["admin"]}";

        var refused = await owner.PatchAsJsonAsync(adminRoute, new { notifyBy = "fax" });
        var changed = await owner.PatchAsJsonAsync(adminRoute, new { notifyBy = "both" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("both", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("notifyBy").GetString());
        var stored = await fixture.Host.InOrganizationAsync(org.Id, db => db.Members.Where(m => m.Handle == "admin").Select(m => m.NotifyBy).SingleAsync());
        Assert.Equal(NoticePreference.Both, stored);
        using var admin = await Chat.StartAsync(fixture.Host, org.Organization, "admin");
        using var member = await Chat.StartAsync(fixture.Host, org.Organization, "member");
        await member.Send("open a ticket: broken chair");
        await member.ExpectReply("#1");
        await member.Send("delete ticket 1");
        await member.ExpectReply("approval request #1");

        await admin.ExpectCard("Approve");
        var card = await Mail.WaitForMailAsync(org.MemberAddress("admin"), m => m.Subject?.StartsWith("Approval needed", StringComparison.Ordinal) == true);
        Assert.Contains("Approval #1", card.HtmlBody);
    }

    /// <summary>The channels of the outbox messages whose text contains <paramref name="fragment"/> (in any case), sorted.</summary>
    private async Task<List<string>> NoticeChannelsAsync(EmailOrganization org, string fragment)
    {
        var sent = await fixture.Host.InOrganizationAsync(org.Id, db => db.OutboxMessages
            .Join(db.Conversations, m => m.ConversationId, c => c.Id, (m, c) => new { m.Activity, c.Channel }).ToListAsync());
        return sent.Where(m => m.Activity.Contains(fragment, StringComparison.OrdinalIgnoreCase)).Select(m => m.Channel).Order().ToList();
    }
}
