using System.Globalization;
using System.Text;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Hosting.Demo;

namespace OperatorOne.Bot.Nlu;

/// <summary>
/// `eval-nlu FILE [FILE…]`: runs the built-in recognizer's text → tool + slots step (patterns, then the sentence model,
/// exactly as a turn does) over labelled sets and prints, per file, intent accuracy and slot F1 per tool, how often it
/// acted without asking, and the overall figures on the file's last line. No database: tools come from their definitions.
/// </summary>
internal static class NluEvaluation
{
    /// <summary>Fixed, so relative dates in labels mean the same on every run.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    public static int Run(IServiceCollection services, NluArguments arguments, ISentenceEmbedder? embedder, TextWriter output)
    {
        if (arguments.Files.Count == 0)
        {
            output.WriteLine("usage: eval-nlu FILE [FILE…] [--misses] [--folds 5] [--patterns-only] [--compare] [--scoring Ensemble] [--no-names] (tab-separated: utterance, tool, slots as JSON)");
            return 2;
        }
        var registry = Registry(services);
        var sets = new List<(string Path, List<LabelledLine> Lines)>();
        foreach (var file in arguments.Files)
        {
            var path = Locate(file);
            if (!File.Exists(path))
            {
                output.WriteLine($"'{path}' not found");
                return 2;
            }
            try
            {
                sets.Add((path, LabelledLine.Parse(File.ReadAllLines(path, Encoding.UTF8))));
            }
            catch (FormatException ex)
            {
                output.WriteLine($"{path}: {ex.Message}");
                return 2;
            }
        }
        var training = LabelledLine.Bundled();
        var cached = arguments.PatternsOnly || embedder is null ? null : new CachedEmbedder(embedder);
        foreach (var (path, lines) in sets)
        {
            var crossValidated = IsTrainingSet(lines, training);
            var heldOut = Path.GetFileName(path).StartsWith("heldout", StringComparison.OrdinalIgnoreCase);
            var how = (cached is null ? "patterns only" : crossValidated ? $"{arguments.Folds}-fold cross-validation of the sentence index" : "index of every labelled line")
                + (cached is null ? "" : $", scoring={arguments.Scoring}") + (arguments.Names ? ", names: the demo's" : ", no names");
            output.WriteLine($"== {Path.GetFileName(path)} ({lines.Count} lines; {how})");
            var results = Score(registry, lines, training, cached, crossValidated ? arguments.Folds : 1, arguments.Scoring, includeDescriptions: true, arguments.Thresholds,
                settings: arguments.Classifier, names: arguments.Names ? DemoNames.Gazetteer() : null);
            // The held-out file is never read line by line: only its figures are printed.
            if (arguments.ShowMisses && !heldOut)
            {
                PrintMisses(output, results);
            }
            Print(output, results);
            if (arguments.Compare && crossValidated && cached is not null)
            {
                NluComparison.Print(output, registry, lines, training, cached, arguments.Folds, arguments.Scoring);
            }
        }
        return 0;
    }

    public static ToolRegistry Registry(IServiceCollection services) =>
        new(services.Where(d => d.ServiceType == typeof(ToolDefinition) && d.ImplementationInstance is ToolDefinition)
            .Select(d => (ToolDefinition)d.ImplementationInstance!));

    /// <summary>Each line read as the bot reads it; with folds, each line's fold is left out of the sentence index.</summary>
    public static List<(LabelledLine Line, Understanding Understanding)> Score(ToolRegistry registry, IReadOnlyList<LabelledLine> lines,
        IReadOnlyList<LabelledLine> training, ISentenceEmbedder? embedder, int folds, IntentScoring scoring, bool includeDescriptions,
        UnderstandingThresholds thresholds, bool semanticOnly = false, IntentClassifier.Settings? settings = null, Gazetteer? names = null)
    {
        var results = new (LabelledLine, Understanding)[lines.Count];
        var tools = registry.All;
        for (var fold = 0; fold < folds; fold++)
        {
            SemanticModel? model = null;
            if (embedder is not null)
            {
                var left = folds == 1 ? [] : lines.Where((_, i) => i % folds == fold).Select(l => l.Text).ToHashSet(StringComparer.Ordinal);
                var examples = IntentExamples.From(tools, training.Where(l => !left.Contains(l.Text)))
                    .Where(e => includeDescriptions || !tools.Any(t => t.Name == e.Tool && t.Definition.Description == e.Text)).ToList();
                model = SemanticModel.Build(embedder, examples, scoring, CancellationToken.None, settings);
            }
            for (var i = fold; i < lines.Count; i += folds)
            {
                results[i] = (lines[i], semanticOnly
                    ? SentenceReader.Guess(lines[i].Text, tools, Now, TimeZoneInfo.Utc, model, thresholds, names)
                    : SentenceReader.Read(lines[i].Text, tools, Now, TimeZoneInfo.Utc, model, thresholds, names));
            }
        }
        return [.. results];
    }

    public static (IReadOnlyList<NluScore> PerTool, NluScore Overall) Evaluate(IEnumerable<(LabelledLine Line, Understanding Understanding)> results)
    {
        var scores = new Dictionary<string, NluScore>(StringComparer.Ordinal);
        foreach (var (item, understanding) in results)
        {
            var predictedTool = understanding.TopTool;
            var predicted = understanding.Arguments;
            var hits = item.Slots.Count(e => predicted[e.Key] is { } value && SlotComparison.Same(e.Value, value));
            var right = predictedTool == item.Tool;
            var acted = understanding.Kind is UnderstandingKind.Pattern or UnderstandingKind.Confident;
            var old = scores.GetValueOrDefault(item.Tool) ?? new NluScore(item.Tool, 0, 0, 0, 0, 0);
            scores[item.Tool] = old with
            {
                Total = old.Total + 1,
                Correct = old.Correct + (right ? 1 : 0),
                SlotHits = old.SlotHits + hits,
                SlotPredicted = old.SlotPredicted + predicted.Count,
                SlotExpected = old.SlotExpected + item.Slots.Count,
                Acted = old.Acted + (acted ? 1 : 0),
                ActedCorrect = old.ActedCorrect + (acted && right ? 1 : 0),
                Offered = old.Offered + (right || (understanding.Kind == UnderstandingKind.Unsure && understanding.Candidates.Any(c => c.Tool.Name == item.Tool)) ? 1 : 0),
            };
        }
        var perTool = scores.Values.OrderBy(s => s.Tool, StringComparer.Ordinal).ToList();
        return (perTool, NluScore.Sum("overall", perTool));
    }

    private static void Print(TextWriter output, List<(LabelledLine Line, Understanding Understanding)> results)
    {
        var (perTool, overall) = Evaluate(results);
        foreach (var score in perTool)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{score.Tool,-26} n={score.Total,-4} intent_accuracy={score.IntentAccuracy:0.00} slot_f1={score.SlotF1:0.00}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"acted_without_asking={Ratio(overall.Acted, overall.Total):0.00} accuracy_when_acting={Ratio(overall.ActedCorrect, overall.Acted):0.00} right_tool_acted_or_offered={Ratio(overall.Offered, overall.Total):0.00}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"intent_accuracy={overall.IntentAccuracy:0.00} slot_f1={overall.SlotF1:0.00}"));
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static void PrintMisses(TextWriter output, List<(LabelledLine Line, Understanding Understanding)> results)
    {
        foreach (var (item, understanding) in results)
        {
            var arguments = understanding.Arguments;
            var sameSlots = item.Slots.Count == arguments.Count && item.Slots.All(e => SlotComparison.Same(e.Value, arguments[e.Key]));
            if (understanding.TopTool != item.Tool || understanding.Reading?.Problem is not null || !sameSlots)
            {
                var got = $"{understanding.TopTool ?? "(none)"} {arguments.ToJsonString()}{understanding.Reading?.Problem} [{understanding.Kind} {understanding.Confidence:0.00}]";
                output.WriteLine($"miss: {item.Text} → {got} (expected {item.Tool} {item.Slots.ToJsonString()})");
            }
        }
    }

    /// <summary>The bundled training set itself (or a copy of it): scoring it against its own index would be meaningless.</summary>
    private static bool IsTrainingSet(List<LabelledLine> lines, IReadOnlyList<LabelledLine> training)
    {
        var known = training.Select(l => l.Text).ToHashSet(StringComparer.Ordinal);
        return lines.Count > 0 && lines.Count(l => known.Contains(l.Text)) * 2 > lines.Count;
    }

    /// <summary>`dotnet run` starts the app in the project folder; a relative path means the shell's folder (PWD).</summary>
    private static string Locate(string path)
    {
        if (File.Exists(path) || Path.IsPathRooted(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } shell)
        {
            return path;
        }
        return Path.Combine(shell, path);
    }
}
