using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Activities;

namespace OperatorOne.Channels.Email;

/// <summary>
/// A reply or notice as mail text and HTML: the text (Markdown links become real links), then the card's headings,
/// text and facts. Links are made absolute with Email:PublicBaseUrl; buttons cannot be clicked in a mail, so a card
/// with buttons says where to answer instead. Everything is HTML-encoded: nothing a person typed becomes markup.
/// </summary>
internal static partial class MailBody
{
    public static (string Text, string Html) Render(Activity activity, Uri? publicBaseUrl)
    {
        var blocks = new List<Block>();
        if (activity.Text is { Length: > 0 } text)
        {
            blocks.AddRange(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n").Select(p => new Block(BlockKind.Paragraph, p.Trim())));
        }
        var hasButtons = false;
        foreach (var card in activity.Attachments?.Where(a => a.ContentType == Attachment.AdaptiveCardType).Select(a => a.Content as JsonObject) ?? [])
        {
            if (card is null)
            {
                continue;
            }
            Walk(card["body"] as JsonArray, blocks);
            hasButtons |= Actions(card["actions"] as JsonArray, blocks);
        }
        if (hasButtons)
        {
            blocks.Add(new Block(BlockKind.Subtle, publicBaseUrl is null
                ? "Buttons can't be clicked in a mail: answer this in chat."
                : $"Buttons can't be clicked in a mail: answer this in chat, or open [OperatorOne]({publicBaseUrl})."));
        }
        return (PlainText(blocks, publicBaseUrl), Html(blocks, publicBaseUrl));
    }

    private static void Walk(JsonArray? elements, List<Block> blocks)
    {
        foreach (var element in elements?.OfType<JsonObject>() ?? [])
        {
            switch (element["type"]?.GetValue<string>())
            {
                case "TextBlock" when element["text"]?.GetValue<string>() is { Length: > 0 } text:
                    var heading = element["weight"]?.GetValue<string>() == "Bolder" || element["size"]?.GetValue<string>() is "Large" or "Medium";
                    blocks.Add(new Block(heading ? BlockKind.Heading : element["isSubtle"]?.GetValue<bool>() == true ? BlockKind.Subtle : BlockKind.Paragraph, text));
                    break;
                case "FactSet":
                    blocks.AddRange((element["facts"] as JsonArray)?.OfType<JsonObject>()
                        .Select(f => new Block(BlockKind.Fact, f["value"]?.ToString() ?? "", f["title"]?.ToString())) ?? []);
                    break;
                case "Container":
                    Walk(element["items"] as JsonArray, blocks);
                    break;
                case "ColumnSet":
                    foreach (var column in (element["columns"] as JsonArray)?.OfType<JsonObject>() ?? [])
                    {
                        Walk(column["items"] as JsonArray, blocks);
                    }
                    break;
            }
        }
    }

    /// <summary>Open-URL actions become links; returns whether the card also had buttons that need a click.</summary>
    private static bool Actions(JsonArray? actions, List<Block> blocks)
    {
        var buttons = false;
        foreach (var action in actions?.OfType<JsonObject>() ?? [])
        {
            if (action["type"]?.GetValue<string>() == "Action.OpenUrl" && action["url"]?.GetValue<string>() is { } url)
            {
                blocks.Add(new Block(BlockKind.Paragraph, $"[{action["title"]?.GetValue<string>() ?? url}]({url})"));
            }
            else
            {
                buttons = true;
            }
        }
        return buttons;
    }

    private static string PlainText(List<Block> blocks, Uri? baseUrl)
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            var line = MarkdownLink().Replace(block.Text, m => $"{m.Groups["title"].Value} <{Absolute(m.Groups["url"].Value, baseUrl) ?? m.Groups["url"].Value}>");
            text.Append(block.Kind == BlockKind.Fact ? $"{block.Title}: {line}\n" : $"{line}\n\n");
        }
        return text.ToString().TrimEnd() + "\n";
    }

    private static string Html(List<Block> blocks, Uri? baseUrl)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;color:#222\">");
        var inFacts = false;
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Fact != inFacts)
            {
                html.Append(inFacts ? "</table>" : "<table cellpadding=\"4\" style=\"border-collapse:collapse\">");
                inFacts = !inFacts;
            }
            var content = Inline(block.Text, baseUrl);
            html.Append(block.Kind switch
            {
                BlockKind.Heading => $"<h3 style=\"margin:12px 0 6px\">{content}</h3>",
                BlockKind.Fact => $"<tr><td style=\"color:#666\">{WebUtility.HtmlEncode(block.Title)}</td><td>{content}</td></tr>",
                BlockKind.Subtle => $"<p style=\"color:#666\">{content}</p>",
                _ => $"<p>{content}</p>",
            });
        }
        if (inFacts)
        {
            html.Append("</table>");
        }
        return html.Append("</body></html>").ToString();
    }

    /// <summary>Encodes the text; Markdown links with an http(s) target (after making it absolute) become anchors, others stay text.</summary>
    private static string Inline(string text, Uri? baseUrl)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match match in MarkdownLink().Matches(text))
        {
            html.Append(Encode(text[last..match.Index]));
            var url = Absolute(match.Groups["url"].Value, baseUrl);
            var title = Encode(match.Groups["title"].Value);
            html.Append(url is null ? title : $"<a href=\"{WebUtility.HtmlEncode(url)}\">{title}</a>");
            last = match.Index + match.Length;
        }
        return html.Append(Encode(text[last..])).ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>An absolute http(s) URL for a link, relative ones resolved against the public base; null when it cannot be made safe.</summary>
    internal static string? Absolute(string url, Uri? baseUrl)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.ToString();
        }
        return url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && baseUrl is not null ? new Uri(baseUrl, url).ToString() : null;
    }

    [GeneratedRegex(@"\[(?<title>[^\]\n]{1,300})\]\((?<url>[^)\s]{1,2000})\)")]
    private static partial Regex MarkdownLink();

    private enum BlockKind
    {
        Paragraph,
        Heading,
        Subtle,
        Fact,
    }

    private sealed record Block(BlockKind Kind, string Text, string? Title = null);
}
