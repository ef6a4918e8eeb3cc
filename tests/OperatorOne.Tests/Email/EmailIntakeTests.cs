using Microsoft.EntityFrameworkCore;
using MimeKit;
using OperatorOne.Data.Email;

namespace OperatorOne.Tests.Email;

/// <summary>Mail in, through real Postfix and Dovecot: a new mail opens a ticket, a reply in its thread comments on it.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailIntakeTests(EmailFixture fixture)
{
    private MailServers Mail => fixture.Mail;

    [Fact]
    public async Task ANewMailFromAGuestOpensATicketAndIsAnsweredInItsThread()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        var customer = org.Outsider();
        var mail = org.Mail(customer, "Printer on floor 2 is jammed", "It shows error E42 since this morning.", "Casey Customer");

        await Mail.SendAsync(mail);

        var tickets = await org.WaitForTicketsAsync(t => t.Count == 1);
        var ticket = tickets[0];
        Assert.Equal("Printer on floor 2 is jammed", ticket.Title);
        Assert.Contains("E42", ticket.Description);
        Assert.Null(ticket.RequesterId);
        Assert.Equal("unverified:" + customer, ticket.GuestContact);
        var answer = await Mail.WaitForMailAsync(customer, m => m.InReplyTo == mail.MessageId);
        Assert.Equal($"Re: Printer on floor 2 is jammed [#{ticket.Number}]", answer.Subject);
        Assert.Equal(org.Support, answer.From.Mailboxes.Single().Address);
        Assert.Contains(mail.MessageId, answer.References);
        Assert.Equal("auto-replied", answer.Headers[HeaderId.AutoSubmitted]);
        Assert.Contains($"Opened ticket #{ticket.Number}", answer.TextBody);
        Assert.Contains($"Opened ticket #{ticket.Number}", answer.HtmlBody);
        var receipt = await org.WaitForReceiptAsync(r => r.MessageId == mail.MessageId);
        Assert.Equal(EmailReceiptStatus.Done, receipt.Status);
    }

    [Fact]
    public async Task AReplyInTheThreadBecomesACommentOnItsTicket()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        var customer = org.Outsider();
        var first = org.Mail(customer, "VPN drops every hour", "Since Monday.");
        await Mail.SendAsync(first);
        var answer = await Mail.WaitForMailAsync(customer, m => m.InReplyTo == first.MessageId);

        var reply = org.Mail(customer, answer.Subject ?? "", "It happened again at 10:00.\n\nOn Monday, Support wrote:\n> Opened ticket");
        reply.InReplyTo = answer.MessageId;
        reply.References.Add(first.MessageId!);
        reply.References.Add(answer.MessageId!);
        await Mail.SendAsync(reply);

        var tickets = await org.WaitForTicketsAsync(t => t.Count == 1 && t[0].Comments.Count == 1);
        Assert.Equal("It happened again at 10:00.", tickets[0].Comments[0].Text);
        Assert.False(tickets[0].Comments[0].IsInternal);
        await Mail.WaitForMailAsync(customer, m => m.InReplyTo == reply.MessageId && (m.TextBody ?? "").Contains($"Added your comment to ticket #{tickets[0].Number}"));
    }

    [Fact]
    public async Task ATicketTokenInTheSubjectThreadsAMailWithoutReferences()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        var customer = org.Outsider();
        var first = org.Mail(customer, "Laptop will not boot", "Black screen.");
        await Mail.SendAsync(first);
        var number = (await org.WaitForTicketsAsync(t => t.Count == 1))[0].Number;

        await Mail.SendAsync(org.Mail(customer, $"More about my laptop [#{number}]", "It beeps three times."));

        var tickets = await org.WaitForTicketsAsync(t => t.Count == 1 && t[0].Comments.Count == 1);
        Assert.Equal("It beeps three times.", tickets[0].Comments[0].Text);
    }

    [Fact]
    public async Task AVerifiedMemberOpensATicketAsThemselves()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        var mail = org.Mail(org.MemberAddress("member"), "New monitor needed", "Mine flickers.");
        EmailOrganization.Verify(mail);

        await Mail.SendAsync(mail, verified: true);

        var ticket = (await org.WaitForTicketsAsync(t => t.Count == 1))[0];
        Assert.Equal(org.Organization.Members["member"], ticket.RequesterId);
        Assert.Null(ticket.GuestContact);
    }

    [Fact]
    public async Task AMembersAttachmentsBecomeDocumentsUnderTheUploadLimitsAndAGuestsDoNot()
    {
        var org = await EmailOrganization.CreateAsync(fixture);
        var address = org.MemberAddress("member");
        var mail = org.Mail(address, "Router notes", "The notes from today's visit.");
        var body = new Multipart("mixed") { mail.Body! };
        body.Add(Attachment("notes.txt", "text", "plain", "Restart the router before calling the provider."u8.ToArray()));
        body.Add(Attachment("tool.exe", "application", "octet-stream", [0x4d, 0x5a, 0x90, 0x00]));
        // Under the mail's 25 MB, over a document's 10 MB: the document limit still holds.
        body.Add(Attachment("dump.txt", "text", "plain", System.Text.Encoding.ASCII.GetBytes(new string('a', 11 * 1024 * 1024))));
        mail.Body = body;
        EmailOrganization.Verify(mail);
        var guest = org.Outsider();
        var guestMail = org.Mail(guest, "My notes too", "Attached.");
        guestMail.Body = new Multipart("mixed") { guestMail.Body!, Attachment("guest.txt", "text", "plain", "Guest words."u8.ToArray()) };

        await Mail.SendAsync(mail, verified: true);
        await Mail.SendAsync(guestMail);

        var answer = await Mail.WaitForMailAsync(address, m => m.InReplyTo == mail.MessageId);
        var guestAnswer = await Mail.WaitForMailAsync(guest, m => m.InReplyTo == guestMail.MessageId);
        var documents = await fixture.Host.InOrganizationAsync(org.Id, async db =>
        {
            // The documents are private: only their owner sees them.
            await db.UseMemberAsync(org.Organization.Members["member"], CancellationToken.None);
            return await db.Documents.AsNoTracking().ToListAsync();
        });
        var document = Assert.Single(documents);
        Assert.Equal(("notes.txt", org.Organization.Members["member"]), (document.FileName, document.OwnerId));
        Assert.Contains("Restart the router", document.Text);
        Assert.Contains("Saved", answer.TextBody);
        Assert.Contains("I didn't keep tool.exe", answer.TextBody);
        Assert.Contains("the limit is 10 MB", answer.TextBody);
        Assert.Contains("Only members can add documents", guestAnswer.TextBody);
        Assert.Equal(2, (await org.WaitForTicketsAsync(t => t.Count == 2)).Count);
    }

    private static MimePart Attachment(string name, string mediaType, string subtype, byte[] bytes) => new(mediaType, subtype)
    {
        FileName = name,
        Content = new MimeContent(new MemoryStream(bytes)),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        ContentTransferEncoding = ContentEncoding.Base64,
    };
}
