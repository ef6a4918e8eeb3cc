using System.Text.Json;
using System.Text.Json.Nodes;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>One labelled line: what someone typed, the tool they meant, and the slots they gave.</summary>
public sealed record LabelledLine(string Text, string Tool, JsonObject Slots)
{
    /// <summary>Tab-separated lines (utterance, tool, slots as JSON); blank lines and # comments are skipped.</summary>
    public static List<LabelledLine> Parse(IEnumerable<string> lines)
    {
        var set = new List<LabelledLine>();
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
            catch (JsonException ex)
            {
                throw new FormatException($"line {lineNumber}: slots are not JSON ({ex.Message})", ex);
            }
            set.Add(new LabelledLine(columns[0], columns[1].Trim(), slots));
        }
        return set;
    }

    /// <summary>The labelled set shipped inside this assembly (tests/OperatorOne.Tests/Nlu/utterances.tsv at build time).</summary>
    public static IReadOnlyList<LabelledLine> Bundled()
    {
        using var stream = typeof(LabelledLine).Assembly.GetManifestResourceStream(BundledName)
            ?? throw new InvalidOperationException($"The resource {BundledName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    public const string BundledName = "OperatorOne.Nlu.utterances.tsv";
}
