namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// A person's name the organization does not know (yet), said in lowercase where a name goes: "assign 3 to joanna",
/// "give ticket 11 to kofi he knows the vpn". Kept as said, so the tool can answer whom it could not find, rather than
/// dropped or swapped for another name the sentence happens to hold.
/// </summary>
internal static class UnknownName
{
    /// <summary>Words that are no one's name: glue, pronouns, and the nouns and verbs that stand next to names in commands.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "my", "our", "your", "his", "their", "to", "with", "for", "from", "at", "and", "or", "of", "on", "in", "by",
        "about", "that", "this", "it", "her", "him", "them", "me", "us", "you", "i", "we", "he", "she", "they", "call", "called",
        "calling", "meeting", "met", "email", "emailed", "note", "ticket", "lead", "deal", "contact", "company", "customer", "please",
        "pls", "just", "also", "then", "so", "now", "today", "tomorrow", "yesterday", "is", "was", "are", "be", "been", "give",
        "assign", "let", "have", "has", "get", "make", "put", "add", "remove", "take", "hand", "send", "new", "old", "hi", "hey",
        "ok", "okay", "yes", "no", "not", "all", "everyone", "everybody", "team", "queue", "someone", "somebody", "anyone",
        "nobody", "whoever", "who", "number", "one", "other", "guy", "person", "people", "staff", "member", "admin", "owner",
        "viewer", "role", "rights", "access", "here", "there", "back", "over", "off", "out", "up", "down", "again", "ask", "tell",
        "see", "invite", "remind", "ping", "message", "text", "phone", "meet", "via", "cc", "like", "than", "but", "if", "when",
        "what", "which", "where", "how", "why", "can", "could", "would", "should", "will", "must", "may", "might", "do", "does",
        "did", "same", "only", "even", "maybe", "probably", "actually", "instead", "either", "both", "each", "any", "some", "every",
    };

    /// <summary>Words that begin the next clause after a name: "kofi he knows the vpn".</summary>
    private static readonly HashSet<string> ClauseStart = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "we", "i", "he's", "she's", "they're", "we're", "i'm", "who", "since", "because", "cause", "as",
    };

    /// <summary>One or two words that could be someone's name: letters only, none of them a common word.</summary>
    public static bool Is(string value)
    {
        var words = Words(value);
        return words.Count is 1 or 2 && words.All(w => w.All(c => char.IsLetter(c) || c is '-' or '\'') && !Common.Contains(w));
    }

    /// <summary>
    /// "kofi he knows the vpn" → "kofi": the name before the clause that follows it. Said in lowercase in a sentence
    /// naming no one known (<paramref name="onlyName"/>), a name also ends where a verb or a particle begins ("sam doesn't
    /// work here", "sam out of the organization", "luis quit").
    /// </summary>
    public static string? Before(string value, bool onlyName = false)
    {
        var words = Words(value);
        var lowercase = onlyName && !value.Any(char.IsUpper);
        var next = words.Count < 2 ? -1 : words.FindIndex(1, w => ClauseStart.Contains(w)
            || (lowercase && (After.Contains(w) || Verbs.Contains(w) || w.EndsWith("n't", StringComparison.OrdinalIgnoreCase))));
        return next > 0 && string.Join(' ', words.Take(next)) is var name && Is(name) ? name : null;
    }

    /// <summary>Words that follow a name said in lowercase and are no part of it ("sam out of the organization").</summary>
    private static readonly HashSet<string> After = new(StringComparer.OrdinalIgnoreCase)
    {
        "out", "off", "here", "there", "over", "back", "to", "for", "with", "on", "in", "again", "is", "was", "has", "had", "does", "did", "and",
    };

    /// <summary>Verbs said right after someone's name in requests about them.</summary>
    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "left", "quit", "quits", "leaves", "leaving", "joins", "joined", "joining", "goes", "went", "works", "worked", "starts", "started",
        "needs", "wants", "free", "available", "busy", "anytime", "knows", "should", "will", "can", "could", "would", "must", "isn't",
    };

    /// <summary>The words before a known name when they are one other name ("pete" in "pete mia is off today").</summary>
    public static string? Ahead(string before)
    {
        var words = Words(before);
        return words is [var only] && Is(only) ? only : null;
    }

    private static List<string> Words(string value) =>
        [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', ':', ';', '!', '?')).Where(w => w.Length > 0)];
}
