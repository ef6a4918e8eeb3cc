using MimeKit;
using MimeKit.Text;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Notices;

namespace OperatorOne.Channels.Email;

/// <summary>
/// An outbound activity as a mail: from the conversation's mailbox to its person, threaded under the thread's root,
/// text and HTML alternatives, an invitation's iCalendar part, and the headers that stop auto-responders answering.
/// Every header value passes through <see cref="MailText.OneLine"/>: a line break in a title can never add a header.
/// </summary>
internal static class MailRendering
{
    public static MimeMessage? Render(ConversationReference reference, Activity activity, EmailOptions options, out string messageId)
    {
        messageId = "";
        var mailbox = EmailConversations.Address(reference.Bot?.Id);
        var to = EmailConversations.Address(reference.User?.Id);
        if (mailbox is null || to is null)
        {
            return null;
        }
        var (_, root) = EmailConversations.Split(reference.Conversation.Id);
        var thread = root != EmailConversations.NoticesRoot && root.Contains('@', StringComparison.Ordinal) ? root : null;
        messageId = OutboundMessageIds.For(activity.Id, reference.Conversation.Id, mailbox);
        var message = new MimeMessage { MessageId = messageId, Date = DateTimeOffset.UtcNow, Subject = Subject(reference, activity, thread) };
        message.From.Add(new MailboxAddress(MailText.OneLine(options.DisplayName, 100), mailbox));
        message.To.Add(new MailboxAddress(MailText.OneLine(reference.User?.Name, 100), to));
        var answers = activity.ReplyToId is { } replyTo && IsMessageId(replyTo) ? replyTo : null;
        if (thread is not null)
        {
            message.References.Add(thread);
            if (answers is not null && answers != thread)
            {
                message.References.Add(answers);
            }
            message.InReplyTo = answers ?? thread;
        }
        // RFC 3834: our mail is automatic, so well-behaved responders (and Exchange's) never answer it.
        message.Headers.Add(HeaderId.AutoSubmitted, answers is null ? "auto-generated" : "auto-replied");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        message.Body = Body(activity, options);
        return message;
    }

    private static MimeEntity Body(Activity activity, EmailOptions options)
    {
        var (text, html) = MailBody.Render(activity, options.PublicBaseUrl);
        var alternative = new MultipartAlternative
        {
            new TextPart(TextFormat.Plain) { Text = text },
            new TextPart(TextFormat.Html) { Text = html },
        };
        if (CalendarInvitation.Read(activity) is not { } ics || InvitationMethod(ics) is not { } method)
        {
            return alternative;
        }
        // Outlook and Gmail show Accept/Decline for a text/calendar alternative with the method; the .ics file is for everyone else.
        var calendar = new TextPart("calendar") { Text = ics };
        calendar.ContentType.Parameters.Add("method", method);
        calendar.ContentType.Charset = "utf-8";
        alternative.Add(calendar);
        var file = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ics))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invite.ics",
        };
        return new Multipart("mixed") { alternative, file };
    }

    /// <summary>REQUEST or CANCEL, read from the object itself; anything else is not sent as an invitation.</summary>
    private static string? InvitationMethod(string ics) =>
        ics.Contains("METHOD:REQUEST", StringComparison.Ordinal) ? "REQUEST" : ics.Contains("METHOD:CANCEL", StringComparison.Ordinal) ? "CANCEL" : null;

    /// <summary>A thread's answers keep its subject ("Re: Printer jammed [#12]"); a notice is titled by its first line.</summary>
    private static string Subject(ConversationReference reference, Activity activity, string? thread)
    {
        if (thread is not null && reference.Conversation.Name is { Length: > 0 } name)
        {
            var subject = MailText.OneLine(name, 250);
            return subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? subject : "Re: " + subject;
        }
        var first = (activity.Text ?? "").Split('\n').FirstOrDefault(l => l.Trim().Length > 0) ?? "A message from OperatorOne";
        var plain = first.Replace("**", "", StringComparison.Ordinal);
        return MailText.OneLine(plain, 120);
    }

    private static bool IsMessageId(string id) =>
        id.Contains('@', StringComparison.Ordinal) && id.Length <= 500 && !id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>');
}
