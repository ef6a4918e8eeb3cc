using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Nlu;

/// <summary>One labelled line: what someone typed, the tool they meant, and the slots they gave.</summary>
internal sealed record LabelledUtterance(string Text, string Tool, JsonObject Slots);

/// <summary>How one tool (or the whole set) scored.</summary>
internal sealed record NluScore(string Tool, int Total, int Correct, int SlotHits, int SlotPredicted, int SlotExpected)
{
    public double IntentAccuracy => Total == 0 ? 0 : (double)Correct / Total;

    /// <summary>Micro F1 over (slot, value) pairs; a line with no slots on either side counts as neither hit nor miss.</summary>
    public double SlotF1
    {
        get
        {
            if (SlotPredicted + SlotExpected == 0)
            {
                return 1;
            }
            return 2.0 * SlotHits / (SlotPredicted + SlotExpected);
        }
    }
}

/// <summary>
/// `eval-nlu FILE`: runs the built-in recognizer's text → tool + slots step over a labelled set and prints intent
/// accuracy and slot F1 per tool, the overall figures on the last line. No database: tools come from their definitions.
/// </summary>
internal static class NluEvaluation
{
    /// <summary>Fixed, so relative dates in labels mean the same on every run.</summary>
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    public static int Run(IServiceCollection services, string? path, bool showMisses, TextWriter output)
    {
        path = Locate(path);
        if (path is null || !File.Exists(path))
        {
            output.WriteLine($"usage: eval-nlu FILE (tab-separated: utterance, tool, slots as JSON); '{path}' not found");
            return 2;
        }
        var registry = new ToolRegistry(services
            .Where(d => d.ServiceType == typeof(ToolDefinition) && d.ImplementationInstance is ToolDefinition)
            .Select(d => (ToolDefinition)d.ImplementationInstance!));
        List<LabelledUtterance> set;
        try
        {
            set = Parse(File.ReadAllLines(path, Encoding.UTF8));
        }
        catch (FormatException ex)
        {
            output.WriteLine(ex.Message);
            return 2;
        }
        var (perTool, overall) = Evaluate(registry, set);
        if (showMisses)
        {
            foreach (var item in set)
            {
                var reading = UtteranceReader.Read(item.Text, registry.All, Now);
                var got = $"{reading?.Tool.Name ?? "(none)"} {reading?.Arguments.ToJsonString() ?? ""}{reading?.Problem}";
                // Slots in any order: a miss is a different tool or different slot values, not a different key order.
                if (reading?.Tool.Name != item.Tool || reading.Problem is not null || !JsonNode.DeepEquals(reading.Arguments, item.Slots))
                {
                    output.WriteLine($"miss: {item.Text} → {got} (expected {item.Tool} {item.Slots.ToJsonString()})");
                }
            }
        }
        foreach (var score in perTool)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{score.Tool,-22} n={score.Total,-4} intent_accuracy={score.IntentAccuracy:0.00} slot_f1={score.SlotF1:0.00}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"intent_accuracy={overall.IntentAccuracy:0.00} slot_f1={overall.SlotF1:0.00}"));
        return 0;
    }

    /// <summary>`dotnet run` starts the app in the project folder; a relative path means the shell's folder (PWD).</summary>
    private static string? Locate(string? path)
    {
        if (path is null || File.Exists(path) || Path.IsPathRooted(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } shell)
        {
            return path;
        }
        return Path.Combine(shell, path);
    }

    public static List<LabelledUtterance> Parse(IEnumerable<string> lines)
    {
        var set = new List<LabelledUtterance>();
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }
            var columns = line.Split('\t');
            if (columns.Length != 3)
            {
                throw new FormatException($"line {lineNumber}: expected 3 tab-separated columns, found {columns.Length}");
            }
            JsonObject slots;
            try
            {
                slots = JsonNode.Parse(columns[2]) as JsonObject ?? throw new FormatException($"line {lineNumber}: slots must be a JSON object");
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new FormatException($"line {lineNumber}: slots are not JSON ({ex.Message})", ex);
            }
            set.Add(new LabelledUtterance(columns[0], columns[1].Trim(), slots));
        }
        return set;
    }

    public static (IReadOnlyList<NluScore> PerTool, NluScore Overall) Evaluate(ToolRegistry registry, IReadOnlyList<LabelledUtterance> set)
    {
        var scores = new Dictionary<string, NluScore>(StringComparer.Ordinal);
        foreach (var item in set)
        {
            var reading = UtteranceReader.Read(item.Text, registry.All, Now);
            var predictedTool = reading?.Tool.Name;
            var predicted = reading?.Arguments ?? [];
            var hits = item.Slots.Count(e => predicted[e.Key] is { } value && SameValue(e.Value, value));
            var old = scores.GetValueOrDefault(item.Tool) ?? new NluScore(item.Tool, 0, 0, 0, 0, 0);
            scores[item.Tool] = old with
            {
                Total = old.Total + 1,
                Correct = old.Correct + (predictedTool == item.Tool ? 1 : 0),
                SlotHits = old.SlotHits + hits,
                SlotPredicted = old.SlotPredicted + predicted.Count,
                SlotExpected = old.SlotExpected + item.Slots.Count,
            };
        }
        var perTool = scores.Values.OrderBy(s => s.Tool, StringComparer.Ordinal).ToList();
        var overall = new NluScore("overall", perTool.Sum(s => s.Total), perTool.Sum(s => s.Correct),
            perTool.Sum(s => s.SlotHits), perTool.Sum(s => s.SlotPredicted), perTool.Sum(s => s.SlotExpected));
        return (perTool, overall);
    }

    /// <summary>Numbers and booleans exactly; text ignoring case, outer spaces and the punctuation people end it with.</summary>
    private static bool SameValue(JsonNode? expected, JsonNode actual) =>
        expected is JsonValue e && e.TryGetValue<string>(out var expectedText)
            ? actual is JsonValue a && a.TryGetValue<string>(out var actualText)
                && string.Equals(Clean(expectedText), Clean(actualText), StringComparison.OrdinalIgnoreCase)
            : JsonNode.DeepEquals(expected, actual);

    private static string Clean(string text) => text.Trim().TrimEnd('.', '!', '?', ' ');
}
