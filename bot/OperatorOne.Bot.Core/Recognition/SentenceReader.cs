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
        SemanticModel? semantic, UnderstandingThresholds thresholds, Gazetteer? names = null)
    {
        if (UtteranceReader.Read(text, tools, now, zone, names) is not { } reading)
        {
            return Guess(text, tools, now, zone, semantic, thresholds, names);
        }
        return Overruled(reading, text, tools, now, zone, semantic, thresholds, names) ?? new Understanding(UnderstandingKind.Pattern, reading, []);
    }

    /// <summary>A doubtful pattern's reading gives way to the sentence model when the model is sure of another tool.</summary>
    public static Understanding? Overruled(Reading reading, string text, IReadOnlyList<RegisteredTool> tools, DateTimeOffset now, TimeZoneInfo zone,
        SemanticModel? semantic, UnderstandingThresholds thresholds, Gazetteer? names) =>
        reading.Doubtful && semantic is not null && Guess(text, tools, now, zone, semantic, thresholds, names) is { Kind: UnderstandingKind.Confident } guess
            && guess.TopTool != reading.Tool.Name
            ? guess : null;

    /// <summary>The semantic step alone, for a sentence no pattern explains.</summary>
    public static Understanding Guess(string text, IReadOnlyList<RegisteredTool> tools, DateTimeOffset now, TimeZoneInfo zone,
        SemanticModel? semantic, UnderstandingThresholds thresholds, Gazetteer? names = null)
    {
        if (semantic is null || UtteranceMatcher.Normalize(text).Length == 0)
        {
            return Understanding.Nothing;
        }
        // "ticket eighteen is done" reads as the typed "ticket 18 is done", for the model as for the patterns.
        text = SpokenNumbers.Digits(text);
        var ranked = semantic.Rank(text);
        var byName = tools.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var likeliest = ranked.Where(r => byName.ContainsKey(r.Tool)).Take(thresholds.Choices).ToList();
        // Near nothing the bot does: judged by similarity alone, since the classifier's probabilities add up to 1 whatever the sentence.
        if (likeliest.Count == 0 || likeliest[0].Score < thresholds.Floor || ranked.Where(r => byName.ContainsKey(r.Tool)).Max(r => r.Similarity) < thresholds.Floor)
        {
            return new Understanding(UnderstandingKind.Unknown, null, [.. likeliest.Select(r => new Candidate(byName[r.Tool], [], r.Score))]);
        }
        var margin = likeliest[0].Score - (likeliest.Count > 1 ? likeliest[1].Score : 0);
        var sure = likeliest[0].Score >= thresholds.Accept && margin >= thresholds.Margin;
        // Slots are read only for what is acted on or offered: reading them is most of the cost after the model.
        var candidates = likeliest.Select((r, i) => new Candidate(byName[r.Tool], i == 0 || !sure ? Arguments(byName[r.Tool], text, now, zone, names) : [], r.Score)).ToList();
        var first = candidates[0];
        return new Understanding(sure ? UnderstandingKind.Confident : UnderstandingKind.Unsure,
            new Reading(first.Tool, first.Arguments, null), candidates);
    }

    /// <summary>The slots found for <paramref name="tool"/>; one that does not convert is left for the dialog to ask.</summary>
    public static JsonObject Arguments(RegisteredTool tool, string text, DateTimeOffset now, TimeZoneInfo zone, Gazetteer? names = null)
    {
        var arguments = new JsonObject();
        foreach (var (name, raw) in SlotFinder.Find(tool, text, now, zone, names))
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
