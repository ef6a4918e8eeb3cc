using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Typo tolerance: a word the patterns never use ("tikcet", "asign", "delte") becomes the one pattern keyword within
/// a small edit distance. Only tried when the sentence as typed matched nothing, so free text normally stays as written.
/// </summary>
public static partial class KeywordSpelling
{
    private static readonly ConcurrentDictionary<Utterance, string[]> KeywordsOf = new();

    /// <summary>The corrected sentence, or null when no word needed (or allowed) a correction.</summary>
    public static string? Correct(string text, IEnumerable<RegisteredTool> tools)
    {
        var vocabulary = tools.SelectMany(t => t.Definition.Utterances).SelectMany(u => KeywordsOf.GetOrAdd(u, Keywords))
            .ToHashSet(StringComparer.Ordinal);
        var words = text.Split(' ');
        var changed = false;
        for (var i = 0; i < words.Length; i++)
        {
            // "open a tikcet: vpn expired": the punctuation after a word is kept, the word corrected.
            var typed = words[i].TrimEnd(':', ',', ';', '.', '!', '?');
            var word = typed.ToLowerInvariant();
            if (word.Length < 3 || !Letters().IsMatch(word) || vocabulary.Contains(word))
            {
                continue;
            }
            var allowed = word.Length >= 8 ? 2 : 1;
            var nearest = vocabulary
                .Select(k => (Keyword: k, Distance: Distance(word, k, allowed)))
                .Where(k => k.Distance <= allowed)
                .GroupBy(k => k.Distance)
                .OrderBy(g => g.Key)
                .FirstOrDefault();
            if (nearest is not null && nearest.Count() == 1)
            {
                words[i] = nearest.Single().Keyword + words[i][typed.Length..];
                changed = true;
            }
        }
        return changed ? string.Join(' ', words) : null;
    }

    /// <summary>Each captured slot with its words taken back from the sentence as typed (corrections keep word positions).</summary>
    public static IReadOnlyDictionary<string, string> Restore(IReadOnlyDictionary<string, string> slots, string typed, string corrected, RegisteredTool tool)
    {
        var typedWords = typed.Split(' ');
        var correctedWords = corrected.Split(' ');
        var restored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in slots)
        {
            var words = value.Split(' ');
            var start = Enumerable.Range(0, correctedWords.Length - words.Length + 1)
                .FirstOrDefault(i => correctedWords.AsSpan(i, words.Length).SequenceEqual(words), -1);
            // "aprove 6": a slot whose pattern group lists the corrected word as a choice keeps the correction.
            restored[name] = start < 0 || IsListedChoice(tool, name, value) ? value : string.Join(' ', typedWords, start, words.Length);
        }
        return restored;
    }

    /// <summary>Whether a pattern of the tool captures <paramref name="name"/> as an alternation that spells out <paramref name="value"/>.</summary>
    private static bool IsListedChoice(RegisteredTool tool, string name, string value)
    {
        var group = new Regex(@"\(\?<" + Regex.Escape(name) + @">([^()]*)\)");
        return tool.Definition.Utterances.Any(u => group.Matches(u.Pattern.ToString())
            .Any(m => m.Groups[1].Value.Split('|').Contains(value, StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>The literal words of a pattern (group names excluded), four letters or more so short words stay exact.</summary>
    private static string[] Keywords(Utterance utterance)
    {
        var pattern = GroupName().Replace(utterance.Pattern.ToString(), "");
        return [.. Word().Matches(pattern).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 4).Distinct()];
    }

    /// <summary>Optimal string alignment distance (a swap of neighbours counts once), giving up past <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"^[a-z]+$")]
    private static partial Regex Letters();

    [GeneratedRegex(@"\?<[a-z_]+>")]
    private static partial Regex GroupName();

    [GeneratedRegex(@"[a-zA-Z]+")]
    private static partial Regex Word();
}
