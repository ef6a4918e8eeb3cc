using System.Globalization;

namespace OperatorOne.Bot.Nlu;

/// <summary>
/// `eval-nlu FILE [FILE…] [--misses] [--folds 5] [--patterns-only] [--compare]`. A file whose lines are the bundled
/// training set is scored by k-fold cross-validation; any other file (the held-out set) against the whole index.
/// </summary>
internal sealed record NluArguments
{
    public IReadOnlyList<string> Files { get; init; } = [];
    public bool ShowMisses { get; init; }
    public int Folds { get; init; } = 5;
    public bool PatternsOnly { get; init; }

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
                "--folds" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var folds) && folds >= 2
                    => parsed with { Folds = folds },
                _ => parsed,
            };
            if (args[i] == "--folds")
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
}
