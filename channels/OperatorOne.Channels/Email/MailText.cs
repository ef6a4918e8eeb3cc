using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Text;

namespace OperatorOne.Channels.Email;

/// <summary>What a person wrote in a mail: the plain-text part (or the HTML part as text), without the quoted thread below it.</summary>
internal static partial class MailText
{
    public static string Body(MimeMessage message)
    {
        var text = message.TextBody is { } plain ? plain : message.HtmlBody is { } html ? FromHtml(html) : "";
        return WithoutQuote(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Trim();
    }

    /// <summary>One line fit for a header or a ticket title: line breaks and other control characters become spaces.</summary>
    public static string OneLine(string? text, int maxLength)
    {
        var line = Whitespace().Replace(new string((text ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray()), " ").Trim();
        return line.Length <= maxLength ? line : line[..(maxLength - 1)].TrimEnd() + "…";
    }

    /// <summary>"Re: Fwd: AW: printer" → "printer", so a thread's replies read as its subject.</summary>
    public static string WithoutReplyPrefixes(string subject) => ReplyPrefix().Replace(subject, "").Trim();

    internal static string FromHtml(string html)
    {
        var text = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var skipping = false;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head:
                    skipping = !tag.IsEndTag && !tag.IsEmptyElement;
                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.LI or HtmlTagId.TR
                    or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.BlockQuote:
                    text.Append('\n');
                    break;
                case HtmlDataToken data when !skipping:
                    text.Append(Whitespace().Replace(data.Data, " "));
                    break;
            }
        }
        return string.Join('\n', text.ToString().Split('\n').Select(l => l.Trim()));
    }

    /// <summary>Cuts the quoted earlier mail a reply carries: "&gt;" lines, "On … wrote:", Outlook's header block.</summary>
    private static string WithoutQuote(string text)
    {
        var kept = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (QuoteStart().IsMatch(trimmed) && kept.Any(l => l.Trim().Length > 0))
            {
                break;
            }
            if (!trimmed.StartsWith('>'))
            {
                kept.Add(trimmed);
            }
        }
        return string.Join('\n', kept);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^((re|fwd?|aw|wg|sv|vs|tr)(\[\d+\])?:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();

    [GeneratedRegex(@"^(On .{4,200} wrote:|-{2,} ?Original Message ?-{2,}|_{10,}|From: .+|Am .{4,200} schrieb .*:)$", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteStart();
}
