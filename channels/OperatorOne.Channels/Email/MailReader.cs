using MimeKit;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Channels.Email;

/// <summary>Reads a parsed mail (or only its headers, for one too large to download) into an <see cref="InboundMail"/>.</summary>
internal static class MailReader
{
    public const int MaxSubjectLength = 300;

    /// <summary>Null when the mail names no single sender address to answer.</summary>
    public static InboundMail? Read(MimeMessage message, string fallbackId, IReadOnlyCollection<string> trustedAuthServIds)
    {
        if (message.From.Mailboxes.ToList() is not [var sender] || EmailConversations.Address(sender.Address) is not { } from)
        {
            return null;
        }
        var messageId = Clean(message.MessageId) ?? fallbackId;
        var references = message.References.Select(Clean).OfType<string>().ToList();
        var inReplyTo = Clean(message.InReplyTo);
        return new InboundMail
        {
            MessageId = messageId,
            ThreadRoot = references.FirstOrDefault() ?? inReplyTo ?? messageId,
            Parents = [.. references.Append(inReplyTo).OfType<string>().Distinct()],
            From = from,
            FromName = string.IsNullOrWhiteSpace(sender.Name) ? null : MailText.OneLine(sender.Name, 200),
            Verified = SenderVerification.Vouches(message.Headers, from, trustedAuthServIds),
            Subject = MailText.OneLine(message.Subject, MaxSubjectLength),
            Text = MailText.Body(message),
            Files = Files(message),
            Automation = AutomatedMail.Classify(message),
            Date = message.Date == DateTimeOffset.MinValue ? DateTimeOffset.UtcNow : message.Date,
        };
    }

    /// <summary>A mail known only by its headers, refused for <paramref name="reason"/>.</summary>
    public static InboundMail? ReadRefused(HeaderList headers, string fallbackId, IReadOnlyCollection<string> trustedAuthServIds, string reason)
    {
        using var stream = new MemoryStream();
        headers.WriteTo(stream);
        stream.Write("\r\n"u8);
        stream.Position = 0;
        return Read(MimeMessage.Load(stream), fallbackId, trustedAuthServIds) is { } mail ? mail with { Refusal = reason, Text = "" } : null;
    }

    /// <summary>Message ids are compared without brackets or spaces; anything else (line breaks, a '|') makes them unusable.</summary>
    private static string? Clean(string? id)
    {
        var value = id?.Trim().Trim('<', '>').Trim();
        return value is { Length: > 0 and <= 500 } && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '|' or '<' or '>') ? value : null;
    }

    private static List<InboundFile> Files(MimeMessage message)
    {
        var files = new List<InboundFile>();
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            if (part.ContentType.IsMimeType("text", "calendar") || part.Content is null)
            {
                continue;
            }
            using var bytes = new MemoryStream();
            part.Content.DecodeTo(bytes);
            var name = MailText.OneLine(part.FileName, 200) is { Length: > 0 } fileName ? Path.GetFileName(fileName) : "attachment";
            files.Add(new InboundFile(name, part.ContentType.MimeType, bytes.ToArray()));
        }
        return files;
    }
}
