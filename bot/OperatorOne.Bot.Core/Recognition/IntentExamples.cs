using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>What the semantic step learns from: every registered tool's help example and description, and the labelled lines naming it.</summary>
public static class IntentExamples
{
    public static IReadOnlyList<IntentExample> From(IEnumerable<RegisteredTool> tools, IEnumerable<LabelledLine> labelled)
    {
        var known = tools.ToList();
        var names = known.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var own = known.SelectMany(t => new[] { t.Definition.HelpExample, t.Definition.Description }
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => new IntentExample(t.Name, s!)));
        var lines = labelled.Where(l => names.Contains(l.Tool)).Select(l => new IntentExample(l.Tool, l.Text));
        return [.. own.Concat(lines).DistinctBy(e => (e.Tool, e.Text.ToLowerInvariant()))];
    }
}
