using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>What a sentence asks for: the tool, its converted arguments, or the reason a slot could not be read.</summary>
public sealed record Reading(RegisteredTool Tool, JsonObject Arguments, string? Problem)
{
    /// <summary>A pattern put words that name no one where a name goes ("find a time on thursday for mia"): the sentence model may overrule it.</summary>
    public bool Doubtful { get; init; }
}

/// <summary>
/// Text → tool and slots, with no database and no dialog: the step the built-in recognizer and the eval-nlu
/// command share, so the measured figures are the recognizer's own.
/// </summary>
public static class UtteranceReader
{
    public static Reading? Read(string text, IReadOnlyList<RegisteredTool> tools, DateTimeOffset now) =>
        Read(text, tools, now, TimeZoneInfo.Utc);

    /// <summary>As above, reading dates in the speaker's <paramref name="zone"/>.</summary>
    public static Reading? Read(string text, IReadOnlyList<RegisteredTool> tools, DateTimeOffset now, TimeZoneInfo zone, Gazetteer? names = null)
    {
        var normalized = UtteranceMatcher.Normalize(text);
        var match = UtteranceMatcher.Match(normalized, tools);
        var plain = Courtesy.Strip(normalized);
        if (match is null && plain != normalized)
        {
            match = UtteranceMatcher.Match(plain, tools);
        }
        if (match is null && KeywordSpelling.Correct(plain, tools) is { } corrected)
        {
            match = UtteranceMatcher.Match(corrected, tools);
            if (match is not null)
            {
                // Corrections are for the pattern's keywords; a captured title or comment keeps the words as typed.
                match = match with { Slots = KeywordSpelling.Restore(match.Slots, plain, corrected, match.Tool) };
            }
        }
        if (match is null)
        {
            return null;
        }
        var arguments = new JsonObject();
        var slots = SlotFinder.Finish(match.Tool, match.Slots.ToDictionary(s => s.Key, s => TypedSlots.Tidy(match.Tool, s.Key, s.Value), StringComparer.Ordinal), plain, now, zone, names);
        var doubtful = names is { IsEmpty: false } && match.Slots.Any(s => KnownNames.NamesNoOne(match.Tool, s.Key, s.Value, names));
        foreach (var (name, raw) in slots)
        {
            var (value, problem) = SlotValues.Convert(match.Tool, name, raw, now, zone);
            if (problem is not null)
            {
                return new Reading(match.Tool, arguments, problem) { Doubtful = doubtful };
            }
            arguments[name] = value;
        }
        return new Reading(match.Tool, arguments, null) { Doubtful = doubtful };
    }
}
