using System.Text;

namespace OperatorOne.Skills.Documents;

/// <summary>How documents read in chat: a Markdown link per document, passages under it.</summary>
internal static class DocumentReplies
{
    public static string Link(string title, string url) => $"[{title.Replace("]", ")", StringComparison.Ordinal).Replace("[", "(", StringComparison.Ordinal)}]({url})";

    public static string Hits(string query, IReadOnlyList<DocumentHit> hits, Func<Guid, string> link)
    {
        var text = new StringBuilder($"Here's what I found for \"{query}\":");
        var number = 1;
        foreach (var hit in hits)
        {
            text.Append($"\n\n{number++}. {Link(hit.Title, link(hit.Id))}");
            if (hit.Tags.Length > 0)
            {
                text.Append($" ({string.Join(", ", hit.Tags.Select(t => "#" + t))})");
            }
            var snippet = string.Join(' ', hit.Snippet.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (snippet.Length > 0)
            {
                text.Append($"\n   …{snippet}…");
            }
        }
        return text.ToString();
    }

    public static string Visibility(Data.Documents.DocumentVisibility visibility, string? team) => visibility switch
    {
        Data.Documents.DocumentVisibility.Organization => "everyone in the organization",
        Data.Documents.DocumentVisibility.Team => team is null ? "its team" : $"the {team} team",
        _ => "only its owner",
    };
}
