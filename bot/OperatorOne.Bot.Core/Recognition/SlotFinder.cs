using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// A tool's slots from a sentence in any word order, once the tool is known: its own patterns on the sentence, on its
/// clauses reordered ("my monitor flickers, open a ticket" → "open a ticket: my monitor flickers") or on the longest run
/// of words they explain; then numbers, enum words, dates and durations wherever they stand; and the words left over
/// as the one free-text slot still missing.
/// </summary>
public static partial class SlotFinder
{
    public static IReadOnlyDictionary<string, string> Find(RegisteredTool tool, string text, DateTimeOffset now, TimeZoneInfo zone, Gazetteer? names = null)
    {
        var plain = Courtesy.Strip(UtteranceMatcher.Normalize(text));
        // A pattern that explains the whole sentence bounds its names itself; elsewhere a name may have taken its neighbours.
        var guessed = new HashSet<string>(StringComparer.Ordinal);
        var slots = Whole(plain, [tool]) is { } whole
            ? whole.Slots.ToDictionary(s => s.Key, s => TypedSlots.Tidy(tool, s.Key, s.Value), StringComparer.Ordinal)
            : Found(tool, plain, now, zone, guessed).ToDictionary(s => s.Key, s => ProperNames.Keep(tool, s.Key, TypedSlots.Tidy(tool, s.Key, s.Value)), StringComparer.Ordinal);
        return Finish(tool, slots, plain, now, zone, names, guessed);
    }

    /// <summary>
    /// Name slots checked against the organization's names (<see cref="KnownNames"/>); a title's second sentence made its
    /// description. <paramref name="guessed"/>: slots filled from words left over, not captured where their value goes.
    /// </summary>
    internal static Dictionary<string, string> Finish(RegisteredTool tool, IReadOnlyDictionary<string, string> slots, string plain, DateTimeOffset now, TimeZoneInfo zone,
        Gazetteer? names, IReadOnlySet<string>? guessed = null)
    {
        var separated = InlineValues.Separate(tool, new Dictionary<string, string>(slots, StringComparer.Ordinal), now, zone);
        var finished = KnownNames.Ground(tool, separated, plain, names, p => IsFreeText(tool, p), (p, words) => TypedSlots.Find(tool, p, words, now, zone)?.Value, guessed);
        PeopleLists.Complete(tool, finished, plain);
        DealCompany.Separate(tool, finished, plain);
        EventTitles.Complete(tool, finished, plain);
        // "printer on floor 3 jams. it happens with every double sided job": the first sentence is the title, the rest the detail.
        if (finished.TryGetValue("title", out var title) && !finished.ContainsKey("description") && tool.ParameterNames.Contains("description")
            && SentenceBreak().Match(title) is { Success: true } stop && title[(stop.Index + stop.Length)..].Trim() is { } detail
            && detail.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2)
        {
            finished["title"] = title[..stop.Index].Trim();
            finished["description"] = detail;
        }
        return finished;
    }

    private static IReadOnlyDictionary<string, string> Found(RegisteredTool tool, string plain, DateTimeOffset now, TimeZoneInfo zone, HashSet<string> guessed)
    {
        var one = new[] { tool };
        if (Reordered(plain, one) is { } reordered)
        {
            return reordered.Slots;
        }
        var (span, rest, before) = LongestSpan(plain, one);
        var slots = new Dictionary<string, string>(span?.Slots ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        // "sam should take ticket 22", "can ada take 27": the "me" a pattern implies ("take ticket 22") is whoever is named just before it.
        foreach (var parameter in slots.Where(s => s.Value == "me" && KnownNames.KindOf(tool, s.Key) is { } kind && kind.Contains(NameKind.Member)).Select(s => s.Key).ToList())
        {
            if (SubjectOf(before) is { } subject)
            {
                slots[parameter] = subject;
            }
        }
        // "lunch with sam tomorrow 12:30", "the quarterly planning with ada, max and mia on thursday": who it is with, wherever said.
        if (tool.ParameterNames.Contains("attendees") && !slots.ContainsKey("attendees") && WithPeople(rest) is { } with)
        {
            slots["attendees"] = with.Value;
            rest = rest.Remove(with.Start, with.Length).Insert(with.Start, " , ");
        }
        rest = Labelled(tool, slots, rest);
        // A word a description lists comes last: "only admins can use it" is the role admin, not the tier its description also names;
        // among such lists, the one whose name is said comes first ("set the minimum role of lookup_invoice to admin").
        foreach (var parameter in tool.ParameterNames.Where(p => !slots.ContainsKey(p)).OrderBy(p => TypedSlots.IsClosedList(tool, p) ? 1 : 0)
            .ThenBy(p => TypedSlots.IsClosedList(tool, p) && Regex.IsMatch(rest, $@"\b{Regex.Escape(p)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant) ? 0 : 1))
        {
            if (TypedSlots.Find(tool, parameter, rest, now, zone) is { } found)
            {
                slots[parameter] = found.Value;
                rest = rest.Remove(found.Start, found.Length).Insert(found.Start, " , ");
            }
        }
        var missingText = tool.RequiredParameters.Where(p => !slots.ContainsKey(p) && IsFreeText(tool, p)).ToList();
        var pieces = Leftover(rest, tool, runOn: false);
        // One slot takes the words: in a person's own words, what was run on with a comma stays together (read again only then).
        List<string> RunOn(string parameter) => KnownNames.Prose.Contains(parameter) ? Leftover(rest, tool, runOn: true) : pieces;
        if (missingText.Count == 1 && pieces.Count > 0)
        {
            slots[missingText[0]] = RunOn(missingText[0]).OrderByDescending(p => p.Length).First();
        }
        else if (missingText.Count == 0 && pieces.Count > 0 && OptionalText(tool, slots) is var optional
            && (optional is [_] ? optional : [.. optional.Where(Remarks.Contains)]) is [var only])
        {
            // "december 25 is a holiday, Christmas Day": the one optional free-text parameter takes what is left.
            slots[only] = RunOn(only).OrderByDescending(p => p.Length).First();
        }
        else if (missingText.Count > 1 && pieces.Count >= missingText.Count)
        {
            // "called Dana, she wants a quote": the pieces name the missing parameters in the order the tool declares them.
            for (var i = 0; i < missingText.Count; i++)
            {
                slots[missingText[i]] = pieces[i];
            }
        }
        guessed.UnionWith(slots.Keys.Where(k => IsFreeText(tool, k) && !(span?.Slots.ContainsKey(k) ?? false)));
        return slots;
    }

    private static UtteranceMatch? Whole(string text, RegisteredTool[] one)
    {
        if (UtteranceMatcher.Match(text, one) is { } match)
        {
            return match;
        }
        return KeywordSpelling.Correct(text, one) is { } corrected && UtteranceMatcher.Match(corrected, one) is { } fixedMatch
            ? fixedMatch with { Slots = KeywordSpelling.Restore(fixedMatch.Slots, text, corrected, fixedMatch.Tool) }
            : null;
    }

    /// <summary>Clauses in another order, joined the way commands are typed: "B: A".</summary>
    private static UtteranceMatch? Reordered(string text, RegisteredTool[] one)
    {
        var clauses = ClauseBreak().Split(text).Select(c => c.Trim(' ', ',')).Where(c => c.Length > 0).ToList();
        if (clauses.Count is < 2 or > 4)
        {
            return null;
        }
        UtteranceMatch? best = null;
        foreach (var order in Orders(clauses))
        {
            foreach (var glue in new[] { ": ", ", ", " " })
            {
                // A capture that swallowed the join ("remove her: mia is leaving", "remove her, mia is leaving") explains nothing.
                if (UtteranceMatcher.Match(string.Join(glue, order), one) is { } match && Plausible(match)
                    && !match.Slots.Values.Any(v => glue != " " ? v.Contains(glue, StringComparison.Ordinal) : Spans(v, order))
                    && (best is null || match.Score > best.Score))
                {
                    best = match;
                }
            }
        }
        return best;
    }

    /// <summary>A capture running from one clause into the next ("… the shared folder It shows …") joined two things said apart.</summary>
    private static bool Spans(string value, List<string> order) =>
        order.Zip(order.Skip(1)).Any(pair => value.Contains(pair.First[(pair.First.LastIndexOf(' ') + 1)..] + " " + pair.Second.Split(' ')[0], StringComparison.Ordinal));

    private static IEnumerable<List<string>> Orders(List<string> clauses)
    {
        if (clauses.Count == 1)
        {
            yield return clauses;
            yield break;
        }
        for (var i = 0; i < clauses.Count; i++)
        {
            var rest = clauses.Where((_, j) => j != i).ToList();
            foreach (var tail in Orders(rest))
            {
                yield return [clauses[i], .. tail];
            }
        }
    }

    /// <summary>The longest run of words one of the tool's patterns explains, and the sentence with that run taken out.</summary>
    private static (UtteranceMatch? Match, string Remainder, string Before) LongestSpan(string text, RegisteredTool[] one)
    {
        var words = text.Split(' ');
        for (var length = words.Length - 1; length >= 1; length--)
        {
            UtteranceMatch? best = null;
            var bestStart = 0;
            for (var start = 0; start + length <= words.Length; start++)
            {
                var span = string.Join(' ', words, start, length).Trim(',', ':', '-', ' ');
                // Typos are corrected for the whole sentence only: per span it would cost more than the model.
                if (span.Length > 0 && UtteranceMatcher.Match(span, one) is { } match && Plausible(match) && (best is null || match.Score > best.Score))
                {
                    (best, bestStart) = (match, start);
                }
            }
            if (best is not null)
            {
                var before = string.Join(' ', words.Take(bestStart));
                return (best, before + " , " + string.Join(' ', words.Skip(bestStart + length)), before);
            }
        }
        return (null, text, "");
    }

    /// <summary>"with ada, max and mia": the names after "with", up to the first word that is no name (a date, "about", "on").</summary>
    private static FoundSlot? WithPeople(string text)
    {
        var match = With().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var words = match.Groups["who"].Value.Split(' ');
        var taken = new List<string>();
        foreach (var word in words)
        {
            var bare = word.TrimEnd(',');
            if ((bare is "and" && taken.Count > 0) || (UnknownName.Is(bare) && !NotPeople().IsMatch(bare)))
            {
                taken.Add(word);
                continue;
            }
            break;
        }
        while (taken.Count > 0 && taken[^1].TrimEnd(',') == "and")
        {
            taken.RemoveAt(taken.Count - 1);
        }
        // "with mia, topic budget": past a comma only a list ending in "and" goes on naming people.
        if (!taken.Contains("and") && taken.FindIndex(w => w.EndsWith(',')) is var comma and >= 0)
        {
            taken = taken[..(comma + 1)];
        }
        if (taken.Count == 0)
        {
            return null;
        }
        var value = string.Join(' ', taken).TrimEnd(',');
        var start = match.Groups["who"].Index;
        return new FoundSlot(value, match.Index, start - match.Index + value.Length);
    }

    /// <summary>The one name (one or two words) a clause opens with once its glue is gone: "sam should" → sam, "can ada" → ada.</summary>
    private static string? SubjectOf(string before)
    {
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', ':', '!', '?')).Where(w => w.Length > 0).ToList();
        while (words.Count > 0 && Glue.Contains(words[0].ToLowerInvariant()))
        {
            words.RemoveAt(0);
        }
        while (words.Count > 0 && (Glue.Contains(words[^1].ToLowerInvariant()) || Asking.Contains(words[^1].ToLowerInvariant())))
        {
            words.RemoveAt(words.Count - 1);
        }
        return words.Count is 1 or 2 && string.Join(' ', words) is var name && UnknownName.Is(name) ? name : null;
    }

    /// <summary>A capture that is only a pronoun or glue ("remove her" → member "her", "lead is lost" → lead "is") names nothing; "me" does.</summary>
    private static bool Plausible(UtteranceMatch match) =>
        !match.Slots.Values.Any(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', ':').ToLowerInvariant())
            .All(w => w != "me" && (Pronouns.Contains(w) || Glue.Contains(w) || Requested.Contains(w))));

    [GeneratedRegex(@"(?:\s*[,;:.!?]\s+|\s+-\s+|\s*[:;]\s*|\s+(?:please|pls|plz|and then|then)\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"(?<=\w{2})[.!?]+\s+(?=\w)")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"( again|^(log|logs|logged|sign|signs|signed|turn|turns|switch|switches|boot|boots|power|powers|back|come|comes|came) (in|on|off|up|out))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"\bwith (?<who>[^,].*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex With();

    /// <summary>Words after "with" that are no one: days, months, times and the words of a meeting.</summary>
    [GeneratedRegex(@"^(next|this|tonight|noon|morning|afternoon|evening|mon|tue|tues|wed|thu|thurs|fri|sat|sun|(mon|tues|wednes|thurs|fri|satur|sun)day|jan(uary)?|feb(ruary)?|march|april|june|july|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|everyone|team|client|customer|boss|manager|lunch|coffee|minutes?|hours?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotPeople();

    [GeneratedRegex(@"(\s*,\s*)")]
    private static partial Regex Pieces();

    [GeneratedRegex(@"\?<[a-z_]+>")]
    private static partial Regex GroupName();

    [GeneratedRegex(@"[a-zA-Z]+")]
    private static partial Regex Literal();
}
