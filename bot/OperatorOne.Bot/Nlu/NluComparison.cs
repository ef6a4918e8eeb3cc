using System.Globalization;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Nlu;

/// <summary>`eval-nlu … --compare`: the choices measured by cross-validation on the training set, so what ships is what won.</summary>
internal static class NluComparison
{
    public static void Print(TextWriter output, ToolRegistry registry, IReadOnlyList<LabelledLine> lines, IReadOnlyList<LabelledLine> training,
        ISentenceEmbedder embedder, int folds, IntentScoring shipped)
    {
        output.WriteLine("-- compared (cross-validated on this file):");
        Line(output, "patterns only", NluEvaluation.Score(registry, lines, training, null, 1, IntentScoring.TopTwo, true, new()));
        // The patterns were written for this file, so the sentence model's own choices are measured without them.
        foreach (var scoring in Enum.GetValues<IntentScoring>())
        {
            Line(output, $"sentence model only, scoring={scoring}", NluEvaluation.Score(registry, lines, training, embedder, folds, scoring, true, new(), semanticOnly: true));
        }
        foreach (var scoring in new[] { IntentScoring.Blend, IntentScoring.VoteBlend, IntentScoring.Classifier, IntentScoring.Ensemble })
        {
            Line(output, $"patterns + sentence model, scoring={scoring}", NluEvaluation.Score(registry, lines, training, embedder, folds, scoring, true, new()));
        }
        Line(output, "sentence model only, no tool descriptions", NluEvaluation.Score(registry, lines, training, embedder, folds, shipped, false, new(), semanticOnly: true));
        foreach (var settings in new IntentClassifier.Settings[] { new(L2: 1e-4f), new(L2: 1e-5f), new(L2: 1e-6f), new(Iterations: 300, L2: 1e-5f) })
        {
            foreach (var scoring in new[] { IntentScoring.Classifier, IntentScoring.Ensemble })
            {
                Line(output, $"model only, {scoring} {settings.Iterations}x lr={settings.LearningRate} l2={settings.L2}",
                    NluEvaluation.Score(registry, lines, training, embedder, folds, scoring, true, new(), semanticOnly: true, settings));
            }
        }
        foreach (var (accept, margin) in new[] { (0.45, 0.0), (0.5, 0.03), (0.55, 0.03), (0.55, 0.1), (0.6, 0.05), (0.6, 0.15), (0.65, 0.1) })
        {
            var thresholds = new UnderstandingThresholds { Accept = accept, Margin = margin };
            Line(output, $"model only, {shipped} accept={accept:0.00} margin={margin:0.00}",
                NluEvaluation.Score(registry, lines, training, embedder, folds, shipped, true, thresholds, semanticOnly: true));
        }
    }

    private static void Line(TextWriter output, string name, List<(LabelledLine Line, Understanding Understanding)> results)
    {
        var (_, overall) = NluEvaluation.Evaluate(results);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-48} intent_accuracy={overall.IntentAccuracy:0.00} slot_f1={overall.SlotF1:0.00} acted={(double)overall.Acted / overall.Total:0.00} accuracy_when_acting={(overall.Acted == 0 ? 0 : (double)overall.ActedCorrect / overall.Acted):0.00} offered={(double)overall.Offered / overall.Total:0.00}"));
    }
}
