using System.Text.RegularExpressions;

namespace OperatorOne.Channels.Slack;

/// <summary>Slack's mrkdwn text rules: only &amp;, &lt; and &gt; are control characters, and limits count characters.</summary>
internal static partial class Mrkdwn
{
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Reverses <see cref="Escape"/> for text Slack sends us, so the recognizer sees what the user typed.</summary>
    public static string Unescape(string text) => text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

    /// <summary>
    /// Turns the core's Markdown links ([title](https://…)) in escaped text into Slack links (&lt;url|title&gt;), which
    /// Slack shows as the title; the URL is already escaped as Slack wants it. Relative links stay as they are.
    /// </summary>
    public static string Links(string escaped) =>
        MarkdownLink().Replace(escaped, m => $"<{m.Groups["url"].Value}|{m.Groups["title"].Value.Replace('|', '¦')}>");

    /// <summary>Cuts escaped text to <paramref name="max"/> characters with an ellipsis, never through an entity.</summary>
    public static string Truncate(string escaped, int max)
    {
        if (escaped.Length <= max)
        {
            return escaped;
        }
        var cut = max - 1;
        var amp = escaped.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
        if (amp >= 0 && escaped.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }
        // Nor through a link: a half link would show its raw URL.
        var open = escaped.LastIndexOf('<', cut - 1);
        if (open >= 0 && escaped.IndexOf('>', open) >= cut)
        {
            cut = open;
        }
        return escaped[..cut] + "…";
    }

    /// <summary>Plain text (headers, button labels) needs no escaping, only the length limit.</summary>
    public static string Plain(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [GeneratedRegex(@"\[(?<title>[^\[\]\n]+)\]\((?<url>https?://[^\s()<>]+)\)", RegexOptions.ExplicitCapture)]
    private static partial Regex MarkdownLink();
}
