namespace OperatorOne.Skills.Documents;

/// <summary>
/// Turns what someone asked into search words: "what does our refund policy say about damaged items" →
/// "refund policy damaged items". Conversational words would otherwise have to appear in the document.
/// </summary>
internal static class DocumentQuery
{
    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "whats", "what's", "does", "do", "did", "say", "says", "said", "about", "our", "my", "the", "a", "an",
        "find", "search", "look", "up", "for", "show", "me", "tell", "please", "document", "documents", "doc", "docs",
        "file", "files", "we", "us", "any", "is", "there", "where", "can", "i", "you", "on", "in", "regarding",
    };

    public static string Clean(string said)
    {
        var words = said.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Trim('?', '!', '.', ',', ';', ':'))
            .Where(w => w.Length > 0)
            .ToList();
        var kept = words.Where(w => !Filler.Contains(w)).ToList();
        // A query made only of filler ("documents") still searches for what was said.
        return string.Join(' ', kept.Count > 0 ? kept : words);
    }
}
