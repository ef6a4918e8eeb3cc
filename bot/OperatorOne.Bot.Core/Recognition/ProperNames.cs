using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// A name read from a free sentence often takes the words around it ("touch with Globex", "Dana Lee became"); when the
/// value holds a run of capitalized words among lowercase ones, the run is the name. Speech and lowercase typing carry
/// no capitals, so those values are left as they are.
/// </summary>
internal static class ProperNames
{
    /// <summary>Parameters that hold one person's or company's name (not lists like "ada, Max and Mia").</summary>
    private static readonly HashSet<string> Parameters = new(StringComparer.Ordinal) { "lead", "company", "contact", "name", "member", "assignee", "with", "owner", "queue", "team" };

    /// <summary>Capitalized but never a name: the pronoun, and words that start a typed sentence.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal) { "I", "I'm", "I'd", "I've", "I'll", "Please", "Can", "Could", "Hey", "Hi", "The", "A", "An", "We", "Our", "My" };

    /// <summary>Words that join the parts of one name: "Dana from Acme", "Bank of America".</summary>
    private static readonly HashSet<string> Joins = new(StringComparer.Ordinal) { "from", "at", "of", "&" };

    public static string Keep(RegisteredTool tool, string parameter, string value)
    {
        // A deal's or a queue's "name" is its title ("Acme renewal"), lowercase words and all.
        if (!Parameters.Contains(parameter) || (parameter == "name" && !NamesSomeone(tool)))
        {
            return value;
        }
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var runs = new List<(int Start, int Length)>();
        for (var i = 0; i < words.Length; i++)
        {
            if (!IsCapitalized(words[i]))
            {
                continue;
            }
            var start = i;
            while (i + 1 < words.Length && (IsCapitalized(words[i + 1])
                || (i + 2 < words.Length && Joins.Contains(words[i + 1]) && IsCapitalized(words[i + 2]))))
            {
                i += IsCapitalized(words[i + 1]) ? 1 : 2;
            }
            runs.Add((start, i - start + 1));
        }
        if (runs.Count == 0 || runs.Count == 1 && runs[0].Length == words.Length)
        {
            return value;
        }
        // The longest run; on a tie the last, since the first capital of a typed sentence is often no name.
        var best = runs.OrderByDescending(r => r.Length).ThenByDescending(r => r.Start).First();
        return string.Join(' ', words.Skip(best.Start).Take(best.Length)).Trim(',', '.', '!', '?', ':', ';');
    }

    private static bool NamesSomeone(RegisteredTool tool) =>
        tool.Name.Contains("lead", StringComparison.Ordinal) || tool.Name.Contains("contact", StringComparison.Ordinal)
        || tool.Name.Contains("compan", StringComparison.Ordinal) || tool.Name.Contains("member", StringComparison.Ordinal);

    private static bool IsCapitalized(string word)
    {
        var bare = word.Trim(',', '.', '!', '?', ':', ';', '"', '\'');
        return bare.Length > 0 && char.IsUpper(bare[0]) && !NotNames.Contains(bare) && !bare.Contains('@', StringComparison.Ordinal);
    }
}
