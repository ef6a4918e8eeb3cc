using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Text → what it asks, with no database: the patterns first (exact commands and their slots); when none explains the
/// sentence, its meaning is compared with every tool's examples and the slots are read for the likeliest tools in any
/// word order. The bot and eval-nlu share this step, so the measured figures are the bot's own.
/// </summary>
public static class SentenceReader
{
    public static Understanding Read(string text, IReadOnlyList<RegisteredTool> tools, DateTimeOffset now, TimeZoneInfo zone,
        SemanticModel? semantic, UnderstandingThresholds thresholds)
    {
        return UtteranceReader.Read(text, tools, now, zone) is { } reading
            ? new Understanding(UnderstandingKind.Pattern, reading, [])
            : Guess(text, tools, now, zone, semantic, thresholds);
    }

    /// <summary>The semantic step alone, for a sentence no pattern explains.</summary>
    public static Understanding Guess(string text, IReadOnlyList<RegisteredTool> tools, DateTimeOffset now, TimeZoneInfo zone,
        SemanticModel? semantic, UnderstandingThresholds thresholds)
    {
        if (semantic is null || UtteranceMatcher.Normalize(text).Length == 0)
        {
            return Understanding.Nothing;
        }
        var ranked = semantic.Rank(text);
        var byName = tools.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var candidates = ranked.Where(r => byName.ContainsKey(r.Tool)).Take(thresholds.Choices)
            .Select(r => new Candidate(byName[r.Tool], Arguments(byName[r.Tool], text, now, zone), r.Score))
            .ToList();
        if (candidates.Count == 0 || candidates[0].Score < thresholds.Floor)
        {
            return new Understanding(UnderstandingKind.Unknown, null, candidates);
        }
        var first = candidates[0];
        var margin = first.Score - (candidates.Count > 1 ? candidates[1].Score : 0);
        var sure = first.Score >= thresholds.Accept && margin >= thresholds.Margin;
        return new Understanding(sure ? UnderstandingKind.Confident : UnderstandingKind.Unsure,
            new Reading(first.Tool, first.Arguments, null), candidates);
    }

    /// <summary>The slots found for <paramref name="tool"/>; one that does not convert is left for the dialog to ask.</summary>
    public static JsonObject Arguments(RegisteredTool tool, string text, DateTimeOffset now, TimeZoneInfo zone)
    {
        var arguments = new JsonObject();
        foreach (var (name, raw) in SlotFinder.Find(tool, text, now, zone))
        {
            var (value, problem) = SlotValues.Convert(tool, name, raw, now, zone);
            if (problem is null)
            {
                arguments[name] = value;
            }
        }
        return arguments;
    }
}
