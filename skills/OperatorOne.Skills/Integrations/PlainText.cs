using System.Net;
using System.Text.RegularExpressions;

namespace OperatorOne.Skills.Integrations;

/// <summary>What another system said, made safe to show: markup removed, entities decoded, whitespace folded, length capped.</summary>
internal static partial class PlainText
{
    public static string From(string text, int max = 1500)
    {
        var plain = ScriptOrStyle().Replace(text, " ");
        // Decoding can reveal markup that was escaped ("&lt;b&gt;"), so tags are removed until none is left.
        for (var i = 0; i < 3; i++)
        {
            var next = WebUtility.HtmlDecode(Tag().Replace(plain, " "));
            if (next == plain)
            {
                break;
            }
            plain = next;
        }
        plain = Tag().Replace(plain, " ").Replace('<', '‹').Replace('>', '›');
        plain = Spaces().Replace(plain, " ").Trim();
        return plain.Length <= max ? plain : plain[..max].TrimEnd() + "…";
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 200)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.None, 200)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.None, 200)]
    private static partial Regex Spaces();
}
