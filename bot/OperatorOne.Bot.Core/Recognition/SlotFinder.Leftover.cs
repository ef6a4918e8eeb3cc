using System.Text.RegularExpressions;
using System.Text.Json;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// The words left over once a tool's own words are found: which of them are glue (politeness, articles, the command's
/// keywords), which pieces remain, and which free-text parameter they may fill.
/// </summary>
public static partial class SlotFinder
{
    /// <summary>Where left-over words go when several optional free-text parameters could take them (KnownNames.Prose, whose fillers are dropped, is another set) ("had a call with Dana Lee, she wants a demo").</summary>
    private static readonly HashSet<string> Remarks = new(StringComparer.Ordinal) { "summary", "text", "comment" };

    private static readonly HashSet<string> Asking = new(StringComparer.Ordinal) { "can", "could", "would", "will", "should", "do", "does", "did", "where", "how", "what", "when" };

    private static readonly HashSet<string> Subjects = new(StringComparer.Ordinal) { "i", "we", "she", "he", "they" };

    /// <summary>A request's own words before what it is about: "can I get a ticket opened? my laptop…".</summary>
    private static readonly HashSet<string> Requested = new(StringComparer.Ordinal) { "opened", "raised", "created", "filed", "submitted" };

    /// <summary>What a verb acts on, kept at the end of a clause ("reset it"); the command's own "log it" ends in a keyword.</summary>
    private static readonly HashSet<string> Objects = new(StringComparer.Ordinal) { "it", "them", "him", "her" };

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal) { "not", "no", "never", "but not", "rather than", "instead of" };

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "her", "him", "them", "they", "she", "he", "us", "it", "this", "that", "his", "their" };

    /// <summary>Parameters people name as a form's fields: "…, title hiring plan", "description: only on the guest network", "company is kente textiles".</summary>
    private static readonly string[] Fields = ["title", "description", "notes", "location", "company", "owner", "stage", "summary"];

    /// <summary>Values said after their field's name at the start of a clause, taken out of <paramref name="rest"/>.</summary>
    private static string Labelled(RegisteredTool tool, Dictionary<string, string> slots, string rest)
    {
        foreach (var field in Fields.Where(f => tool.ParameterNames.Contains(f) && !slots.ContainsKey(f)))
        {
            var match = Regex.Match(rest, $@"(?<=^|[,;:]\s*)\s*{field}\s*(:|=|\bis\b|\bto\b)?\s+(?<v>[^,;]*[^,;\s])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            if (match.Success)
            {
                slots[field] = match.Groups["v"].Value;
                rest = rest.Remove(match.Index, match.Length).Insert(match.Index, " , ");
            }
            else if (Regex.Match(rest, $@"\b(the|its|his|her|their|'s|\d+)\s+({field}{(field == "title" ? "|subject" : "")})\b(?<of>(\s+[^\s,;]+){{0,4}}?)\s+(to|should be|should say|should read|should now be|is now|now reads?|needs to be|must be)\s+(?<v>[^,;]*[^,;\s])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant) is { Success: true } said)
            {
                // "the title of ticket 14 should be Scanner jams", "change ticket 3's title to …": what it belongs to stays to be read.
                slots[field] = said.Groups["v"].Value;
                rest = rest[..said.Index] + " , " + said.Groups["of"].Value + " , " + rest[(said.Index + said.Length)..];
            }
        }
        return rest;
    }

    /// <summary>The pieces of words left once the command's own words and the glue at either end are gone.</summary>
    /// <summary><paramref name="runOn"/>: one slot takes the words, so what was run on with a comma stays together.</summary>
    private static List<string> Leftover(string rest, RegisteredTool tool, bool runOn)
    {
        var keywords = KeywordsOf(tool);
        var parts = Pieces().Split(rest);
        var pieces = parts.Where((_, i) => i % 2 == 0)
            .Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList())
            .Select(words =>
            {
                // "we restarted the server", "she wants a quote": a subject before its verb is part of what was said ("can i see" is a question's).
                var asked = false;
                // "new laptop for the intern": "new" before what is new is part of what was said.
                while (words.Count > 0 && (IsGlue(words[0], keywords) || Requested.Contains(words[0].Trim(',', '.', '?', '!').ToLowerInvariant()))
                    && (asked || !(words.Count > 1 && (Subjects.Contains(words[0].ToLowerInvariant()) || words[0].Equals("new", StringComparison.OrdinalIgnoreCase))
                        && !IsGlue(words[1], keywords))))
                {
                    asked = Asking.Contains(words[0].ToLowerInvariant());
                    words.RemoveAt(0);
                }
                // "can't log in", "the supplier is slow again": a particle ending a clause is part of it.
                // "i cant reset it", "it flickers when i move it": the thing a verb acts on ends the clause.
                while (words.Count > 0 && IsGlue(words[^1], keywords) && !(words.Count >= 3 && ClauseEnd().IsMatch(string.Join(' ', words.TakeLast(2))))
                    && !(words.Count >= 3 && Objects.Contains(words[^1].ToLowerInvariant()) && !IsGlue(words[^2], keywords)))
                {
                    words.RemoveAt(words.Count - 1);
                }
                return string.Join(' ', words);
            })
            .ToList();
        // "rebooted the switch, looks stable": words the person ran on with a comma stay one piece; " , " marks where a found value was.
        var joined = new List<string>();
        for (var i = 0; i < pieces.Count; i++)
        {
            if (runOn && i > 0 && pieces[i].Length > 0 && pieces[i - 1].Length > 0 && parts[(2 * i) - 1] == ", ")
            {
                joined[^1] += ", " + pieces[i];
                continue;
            }
            joined.Add(pieces[i]);
        }
        // "a partner, not a customer": what is left of a value said to be unwanted is no value either.
        return [.. joined.Where(p => p.Length > 0 && !Negations.Contains(p.ToLowerInvariant()))];
    }

    private static bool IsGlue(string word, HashSet<string> keywords)
    {
        var bare = word.Trim(',', '.', ':', ';', '!', '?', '-').ToLowerInvariant();
        return bare.Length == 0 || Glue.Contains(bare) || keywords.Contains(bare);
    }

    private static readonly HashSet<string> Glue = new(StringComparer.Ordinal)
    {
        "please", "pls", "plz", "thanks", "thank", "thx", "can", "could", "would", "will", "you", "u", "i", "i'd", "i'm", "id", "need",
        "want", "like", "to", "a", "an", "the", "is", "are", "was", "be", "for", "about", "with", "that", "and", "on", "of", "in", "at",
        "it", "me", "this", "some", "new", "hey", "hi", "ok", "okay", "just", "so", "now", "there", "re", "regarding", "saying", "as",
        "we", "our", "have", "has", "got", "get", "do", "does", "up", "also", "again", "asap", "quick", "quickly", "by", "from",
        "someone", "somebody", "should", "her", "him", "them", "they", "she", "he", "us", "his", "their", "anymore", "then", "it's", "its", "all", "any", "anything", "really",
        "bot",
    };

    private static HashSet<string> KeywordsOf(RegisteredTool tool) =>
        tool.Definition.Utterances.SelectMany(u => Literal().Matches(GroupName().Replace(WithoutFreeText(u.Pattern.ToString(), tool), " ")).Select(m => m.Value.ToLowerInvariant()))
            .Concat(tool.Name.Split('_'))
            .Where(w => w.Length >= 3)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The pattern without what its free-text groups may hold: "(?&lt;document&gt;.+? (guide|policy))" names the words a
    /// document's title ends in, which belong to the title, not to the command.
    /// </summary>
    private static string WithoutFreeText(string pattern, RegisteredTool tool)
    {
        var kept = new System.Text.StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                kept.Append(pattern, i, Math.Min(2, pattern.Length - i));
                i++;
                continue;
            }
            var name = pattern[i] == '(' ? GroupStart().Match(pattern, i) : System.Text.RegularExpressions.Match.Empty;
            if (!name.Success || name.Index != i || !IsFreeText(tool, name.Groups[1].Value) || TypedSlots.IsClosedList(tool, name.Groups[1].Value))
            {
                kept.Append(pattern[i]);
                continue;
            }
            // Skip to the group's closing parenthesis.
            var depth = 0;
            for (; i < pattern.Length; i++)
            {
                if (pattern[i] == '\\')
                {
                    i++;
                }
                else if (pattern[i] == '(')
                {
                    depth++;
                }
                else if (pattern[i] == ')' && --depth == 0)
                {
                    break;
                }
            }
            kept.Append(' ');
        }
        return kept.ToString();
    }

    [GeneratedRegex(@"\G\(\?<([A-Za-z_][A-Za-z0-9_]*)>")]
    private static partial Regex GroupStart();

    private static List<string> OptionalText(RegisteredTool tool, Dictionary<string, string> slots) =>
        [.. tool.ParameterNames.Where(p => !tool.RequiredParameters.Contains(p) && IsFreeText(tool, p) && !TypedSlots.HasShape(tool, p) && !TypedSlots.IsClosedList(tool, p) && !IsLaterAnswer(tool, p)
            // A name the organization knows is found by KnownNames; left-over words ("who has been doing") are no one's name.
            && KnownNames.KindOf(tool, p) is null).Where(p => !slots.ContainsKey(p)
            && tool.ParameterSchema(p) is { } schema && !(schema.TryGetProperty("description", out var d) && d.GetString() is { } text && (text.Contains("e.g. '", StringComparison.Ordinal) && text.Contains("minutes", StringComparison.Ordinal))))];

    /// <summary>"Only after a reported clash: …": an answer to a question asked later, never in the first sentence's words.</summary>
    private static bool IsLaterAnswer(RegisteredTool tool, string parameter) =>
        tool.ParameterSchema(parameter) is { } schema && schema.TryGetProperty("description", out var d) && (d.GetString() ?? "").StartsWith("Only after", StringComparison.Ordinal);

    /// <summary>A parameter whose value is the person's own words (a title, a name), not a number, date or choice.</summary>
    private static bool IsFreeText(RegisteredTool tool, string parameter) =>
        tool.ParameterSchema(parameter) is { } schema
        && !schema.TryGetProperty("enum", out _)
        && !schema.TryGetProperty("format", out _)
        && schema.TryGetProperty("type", out var type)
        && (type.ValueKind == JsonValueKind.String ? type.GetString() == "string" : type.EnumerateArray().Any(t => t.GetString() == "string"));
}
