using System.Text.Json.Nodes;
using MimeKit;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Cards;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Channels.Email;

namespace OperatorOne.Tests.Email;

/// <summary>Rendering a reply as mail, without servers: headers stay single lines, HTML stays text, links become absolute.</summary>
public sealed class MailRenderingTests
{
    private static readonly EmailOptions Options = new() { DisplayName = "Support\r\nBcc: evil@attacker.test", PublicBaseUrl = new Uri("https://bot.example.test/") };

    private static ConversationReference Thread(string subject) => new()
    {
        ChannelId = "email",
        Conversation = new ConversationAccount { Id = EmailConversations.ExternalId("guest@customer.test", "root-1@customer.test"), Name = subject },
        Bot = new ChannelAccount { Id = "support@company.test" },
        User = new ChannelAccount { Id = "guest@customer.test", Name = "Guest\nX-Evil: 1" },
    };

    private static async Task<string> WireAsync(MimeMessage message)
    {
        using var stream = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(format, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task ATicketTitleWithLineBreaksNeverAddsAHeader()
    {
        var activity = Activity.Message("Ticket #3 (Printer\r\nBcc: evil@attacker.test) was closed.") with { Id = "op-7" };

        var message = MailRendering.Render(Thread("Printer\r\nBcc: evil@attacker.test\r\nX-Injected: yes [#3]"), activity, Options, out var messageId)!;

        var wire = await WireAsync(message);
        var headers = wire[..wire.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("\r\nBcc:", headers, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\r\nX-Injected:", headers, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\r\nX-Evil:", headers, StringComparison.OrdinalIgnoreCase);
        var parsed = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(wire)));
        Assert.Empty(parsed.Bcc);
        Assert.Equal("Re: Printer Bcc: evil@attacker.test X-Injected: yes [#3]", parsed.Subject);
        Assert.Equal(messageId, parsed.MessageId);
        Assert.StartsWith("op-7.", messageId, StringComparison.Ordinal);
        Assert.Equal("root-1@customer.test", parsed.InReplyTo);
    }

    [Fact]
    public void TextIsEncodedAndRelativeLinksBecomeAbsolute()
    {
        var card = AdaptiveCard.Create([AdaptiveCard.Heading("<script>alert(1)</script>"), AdaptiveCard.Facts(("Status", "Open & <b>new</b>"))],
            [AdaptiveCard.Submit("Approve", new JsonObject { ["decision"] = "approve" })]);
        var activity = Activity.Message("Saved [the guide](/documents/1/download?t=x). <img src=x onerror=alert(1)>") with { Attachments = [Attachment.AdaptiveCard(card)] };

        var (text, html) = MailBody.Render(activity, Options.PublicBaseUrl);

        Assert.Contains("<a href=\"https://bot.example.test/documents/1/download?t=x\">the guide</a>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;b&gt;new&lt;/b&gt;", html);
        Assert.Contains("the guide <https://bot.example.test/documents/1/download?t=x>", text);
        Assert.Contains("Status: Open & <b>new</b>", text);
        Assert.Contains("Buttons can't be clicked in a mail", text);
    }

    [Fact]
    public void AnInvitationCarriesACalendarRequestForMailClients()
    {
        const string ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:1@operatorone\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var activity = Activity.Message("Ada invited you to #5 Budget.") with { Entities = [CalendarInvitation.Entity(ics)] };
        var reference = Thread("x") with { Conversation = new ConversationAccount { Id = EmailConversations.ExternalId("guest@customer.test", EmailConversations.NoticesRoot) } };

        var message = MailRendering.Render(reference, activity, Options, out _)!;

        var calendar = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Contains("METHOD:REQUEST", calendar.Text);
        Assert.Contains(message.Attachments, a => a.ContentDisposition?.FileName == "invite.ics");
        Assert.Equal("Ada invited you to #5 Budget.", message.Subject);
        Assert.Null(message.InReplyTo);
        Assert.Equal("auto-generated", message.Headers[HeaderId.AutoSubmitted]);
    }
}
