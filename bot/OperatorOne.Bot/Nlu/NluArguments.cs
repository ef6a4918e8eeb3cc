using System.Globalization;
using OperatorOne.Bot.Core.Recognition;

namespace OperatorOne.Bot.Nlu;

/// <summary>
/// `eval-nlu FILE [FILE…] [--misses] [--folds 5] [--patterns-only] [--compare] [--scoring Ensemble] [--no-names]`. A file whose lines are the bundled
/// training set is scored by k-fold cross-validation; any other file (the held-out set) against the whole index.
/// </summary>
internal sealed record NluArguments
{
    public IReadOnlyList<string> Files { get; init; } = [];
    public bool ShowMisses { get; init; }
    public int Folds { get; init; } = 5;
    public bool PatternsOnly { get; init; }

    /// <summary>Names checked against the seeded demo's members and CRM records, as a turn checks its organization's (`--no-names` turns it off).</summary>
    public bool Names { get; init; } = true;

    /// <summary>How the sentence model scores tools; the shipped choice unless `--scoring NAME` says otherwise.</summary>
    public IntentScoring Scoring { get; init; } = SemanticIntents.Scoring;

    /// <summary>The classifier's training (`--iterations N --rate R --l2 X`), for trying settings without a rebuild.</summary>
    public IntentClassifier.Settings Classifier { get; init; } = new();

    /// <summary>When a guess is acted on (`--accept X --margin Y --floor Z`); the shipped defaults otherwise.</summary>
    public UnderstandingThresholds Thresholds { get; init; } = new();

    /// <summary>Also score the alternatives that lost (scorings, example sets, thresholds) by cross-validation.</summary>
    public bool Compare { get; init; }

    public static NluArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new NluArguments();
        var files = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            parsed = args[i] switch
            {
                "--misses" => parsed with { ShowMisses = true },
                "--patterns-only" => parsed with { PatternsOnly = true },
                "--compare" => parsed with { Compare = true },
                "--no-names" => parsed with { Names = false },
                "--folds" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var folds) && folds >= 2
                    => parsed with { Folds = folds },
                "--scoring" when i + 1 < args.Count && Enum.TryParse<IntentScoring>(args[i + 1], ignoreCase: true, out var scoring)
                    => parsed with { Scoring = scoring },
                "--iterations" when Number(args, i) is { } n => parsed with { Classifier = parsed.Classifier with { Iterations = (int)n } },
                "--rate" when Number(args, i) is { } n => parsed with { Classifier = parsed.Classifier with { LearningRate = (float)n } },
                "--l2" when Number(args, i) is { } n => parsed with { Classifier = parsed.Classifier with { L2 = (float)n } },
                "--accept" when Number(args, i) is { } n => parsed with { Thresholds = parsed.Thresholds with { Accept = n } },
                "--margin" when Number(args, i) is { } n => parsed with { Thresholds = parsed.Thresholds with { Margin = n } },
                "--floor" when Number(args, i) is { } n => parsed with { Thresholds = parsed.Thresholds with { Floor = n } },
                _ => parsed,
            };
            if (args[i] is "--folds" or "--scoring" or "--iterations" or "--rate" or "--l2" or "--accept" or "--margin" or "--floor")
            {
                i++;
            }
            else if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                files.Add(args[i]);
            }
        }
        return parsed with { Files = files };
    }

    private static double? Number(IReadOnlyList<string> args, int i) =>
        i + 1 < args.Count && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null;
}
