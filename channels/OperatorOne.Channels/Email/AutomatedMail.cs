using MimeKit;

namespace OperatorOne.Channels.Email;

/// <summary>
/// Mail no person wrote, so two bots can never answer each other in a loop (RFC 3834). Auto-replies, bounces, read
/// receipts and calendar answers are dropped; bulk, list and machine-generated mail is taken in but never answered.
/// </summary>
internal static class AutomatedMail
{
    public static MailAutomation Classify(MimeMessage message)
    {
        var headers = message.Headers;
        var autoSubmitted = headers[HeaderId.AutoSubmitted]?.Trim().ToLowerInvariant() ?? "no";
        var precedence = headers[HeaderId.Precedence]?.Trim().ToLowerInvariant() ?? "";
        var from = message.From.Mailboxes.FirstOrDefault()?.LocalPart.ToLowerInvariant() ?? "";
        if (message.Body is MultipartReport
            || message.Body?.ContentType.IsMimeType("multipart", "report") == true
            || autoSubmitted.StartsWith("auto-replied", StringComparison.Ordinal)
            || headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("X-Autoresponder")
            || precedence == "auto_reply"
            || from is "mailer-daemon" or "postmaster"
            || headers[HeaderId.ReturnPath]?.Trim() == "<>"
            || IsCalendarAnswer(message))
        {
            return MailAutomation.AutoReply;
        }
        if (autoSubmitted != "no" || precedence is "bulk" or "list" or "junk"
            || headers.Contains(HeaderId.ListId) || headers.Contains(HeaderId.ListUnsubscribe))
        {
            return MailAutomation.Bulk;
        }
        return MailAutomation.Person;
    }

    /// <summary>A calendar client's Accept/Decline (iMIP METHOD:REPLY) or counter-proposal to one of our invitations.</summary>
    private static bool IsCalendarAnswer(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Any(p => p.ContentType.IsMimeType("text", "calendar")
            && (p.ContentType.Parameters["method"]?.ToUpperInvariant() is "REPLY" or "COUNTER"
                || p.Text.Contains("METHOD:REPLY", StringComparison.OrdinalIgnoreCase)));
}

internal enum MailAutomation
{
    /// <summary>A person wrote it: it is taken in and answered.</summary>
    Person,

    /// <summary>Bulk, list or machine-generated: taken in (a monitoring alert may well open a ticket) but never answered.</summary>
    Bulk,

    /// <summary>An auto-reply, bounce, read receipt or calendar answer: recorded and dropped.</summary>
    AutoReply,
}
