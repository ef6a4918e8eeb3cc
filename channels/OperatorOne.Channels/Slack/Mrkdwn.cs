namespace OperatorOne.Channels.Slack;

/// <summary>Slack's mrkdwn text rules: only &amp;, &lt; and &gt; are control characters, and limits count characters.</summary>
internal static class Mrkdwn
{
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Reverses <see cref="Escape"/> for text Slack sends us, so the recognizer sees what the user typed.</summary>
    public static string Unescape(string text) => text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

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
        return escaped[..cut] + "…";
    }

    /// <summary>Plain text (headers, button labels) needs no escaping, only the length limit.</summary>
    public static string Plain(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
