using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Hosting;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Embeddings;
using OperatorOne.Bot.Nlu;
using OperatorOne.Skills;
using OperatorOne.Skills.Crm;
using OperatorOne.Skills.ServiceDesk;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Tests.Nlu;

/// <summary>The built-in recognizer measured on the labelled sets, with the same code the eval-nlu command runs.</summary>
public sealed class NluEvaluationTests
{
    private static readonly string SetPath = Path.Combine(AppContext.BaseDirectory, "Nlu", "utterances.tsv");
    private static readonly string HeldOutPath = Path.Combine(AppContext.BaseDirectory, "Nlu", "heldout.tsv");

    /// <summary>The second held-out file: the tools heldout.tsv does not cover.</summary>
    private static readonly string HeldOutToolsPath = Path.Combine(AppContext.BaseDirectory, "Nlu", "heldout-tools.tsv");

    private static IServiceCollection ToolServices()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddBotCore();
        builder.AddSkills();
        return builder.Services;
    }

    private static ToolRegistry Registry() => NluEvaluation.Registry(ToolServices());

    private static List<LabelledLine> Load(string path) => LabelledLine.Parse(File.ReadAllLines(path));

    [Fact]
    public void TheLabelledSetHasAtLeastFourHundredUtterancesCoveringHelpAndEveryTicketTool()
    {
        var set = Load(SetPath);
        var registry = Registry();

        Assert.True(set.Count >= 400, $"only {set.Count} utterances");
        Assert.All(set, item => Assert.NotNull(registry.Find(item.Tool)));
        Assert.All(TicketsSkill.Tools.Select(t => t.Name).Append("help"), tool => Assert.Contains(set, item => item.Tool == tool));
    }

    [Fact]
    public void TheBundledTrainingSetIsTheLabelledFile()
    {
        Assert.Equal(Load(SetPath).Select(l => (l.Text, l.Tool)), LabelledLine.Bundled().Select(l => (l.Text, l.Tool)));
    }

    [Fact]
    public void EveryServiceDeskAdminAndCrmToolHasAtLeastEightLabelledLines()
    {
        var set = Load(SetPath);

        Assert.All(ServiceDeskSkill.Tools.Concat(global::OperatorOne.Skills.Admin.AdminSkill.Tools).Concat(CrmSkill.Tools).Select(t => t.Name),
            tool => Assert.True(set.Count(item => item.Tool == tool) >= 8, $"{tool} has fewer than 8 lines"));
    }

    /// <summary>The labelled set also holds free phrasings written for the sentence model, which no pattern is meant to match.</summary>
    [Fact]
    public void ThePatternsAloneStillPlaceFourInFiveLinesOfTheLabelledSetWithEightyFivePercentSlotF1()
    {
        var results = NluEvaluation.Score(Registry(), Load(SetPath), [], null, 1, IntentScoring.Blend, true, new());

        var (_, overall) = NluEvaluation.Evaluate(results);

        // 0.81 / 0.88 measured on 1,312 lines (nlu16); the 133 lines added for the sentence model are ones no pattern matches,
        // and so are most of the 49 added on nlu16e (just under 0.79 on 1,363 lines).
        Assert.True(overall.IntentAccuracy >= 0.77, $"intent accuracy {overall.IntentAccuracy:0.00}");
        Assert.True(overall.SlotF1 >= 0.85, $"slot F1 {overall.SlotF1:0.00}");
    }

    /// <summary>A floor under today's figures (README, Recognition), so a change that loses ground fails; the held-out file is only scored.</summary>
    [Fact]
    public void WithTheSentenceModelBothSetsStayAboveTheirMeasuredFloors()
    {
        var embedder = new CachedEmbedder(EmbeddingsHosting.Create());
        var registry = Registry();
        var training = LabelledLine.Bundled();

        var scoring = SemanticIntents.Scoring;
        var (_, labelled) = NluEvaluation.Evaluate(NluEvaluation.Score(registry, Load(SetPath), training, embedder, 5, scoring, true, new()));
        var (_, heldOut) = NluEvaluation.Evaluate(NluEvaluation.Score(registry, Load(HeldOutPath), training, embedder, 1, scoring, true, new()));
        var (_, heldOutTools) = NluEvaluation.Evaluate(NluEvaluation.Score(registry, Load(HeldOutToolsPath), training, embedder, 1, scoring, true, new()));

        // Measured (nlu16, similarity + classifier): labelled 0.95 / 0.92 (5-fold; its harder free phrasings are scored too),
        // heldout 0.90 / 0.74, heldout-tools 0.90 / 0.72 (with names bounded by their capitals); the similarity alone was
        // 0.93 / 0.92, 0.87 / 0.71, 0.85 / 0.68.
        Assert.True(labelled.IntentAccuracy >= 0.93, $"labelled intent accuracy {labelled.IntentAccuracy:0.00}");
        Assert.True(heldOut.IntentAccuracy >= 0.88, $"held-out intent accuracy {heldOut.IntentAccuracy:0.00}");
        Assert.True(heldOut.SlotF1 >= 0.72, $"held-out slot F1 {heldOut.SlotF1:0.00}");
        Assert.True(heldOutTools.IntentAccuracy >= 0.88, $"second held-out intent accuracy {heldOutTools.IntentAccuracy:0.00}");
        Assert.True(heldOutTools.SlotF1 >= 0.70, $"second held-out slot F1 {heldOutTools.SlotF1:0.00}");
    }

    [Fact]
    public void TheCommandPrintsEveryToolAndTheOverallFiguresOnTheLastLine()
    {
        using var output = new StringWriter();

        var exit = NluEvaluation.Run(ToolServices(), new NluArguments { Files = [SetPath], PatternsOnly = true }, null, output);

        var lines = output.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(0, exit);
        Assert.Matches(@"^intent_accuracy=\d\.\d\d slot_f1=\d\.\d\d$", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("delete_ticket", StringComparison.Ordinal));
    }

    /// <summary>A held-out line taught as a training (or tuning) line would flatter the held-out figures; compared ignoring case and punctuation.</summary>
    [Fact]
    public void NoHeldOutLineIsAlsoATrainingOrDevelopmentLine()
    {
        static string Key(string text) => string.Join(' ', new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var heldOut = Load(HeldOutPath).Concat(Load(HeldOutToolsPath)).Select(l => Key(l.Text)).ToHashSet();
        var developmentSets = new[] { "dev.tsv", "dev2.tsv", "dev3.tsv", "dev4.tsv", "dev5.tsv", "dev6.tsv", "dev7.tsv" }.Select(name => Path.Combine(AppContext.BaseDirectory, "Nlu", name));

        var taught = developmentSets.SelectMany(Load).Concat(Load(SetPath)).Where(l => heldOut.Contains(Key(l.Text))).Select(l => l.Text).ToList();

        Assert.True(taught.Count == 0, "held-out lines also in utterances.tsv or a dev*.tsv: " + string.Join(" | ", taught));
    }

    [Fact]
    public void TheHeldOutFilesAreNeverListedLineByLine()
    {
        using var output = new StringWriter();

        NluEvaluation.Run(ToolServices(), new NluArguments { Files = [HeldOutPath, HeldOutToolsPath], PatternsOnly = true, ShowMisses = true }, null, output);

        Assert.DoesNotContain("miss:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingOrMalformedFileIsReportedWithoutAStackTrace()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"nlu-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(bad, "close ticket 12\tchange_ticket_status\tnot json\n");
        try
        {
            using var output = new StringWriter();
            Assert.Equal(2, NluEvaluation.Run(ToolServices(), new NluArguments { Files = [bad] }, null, output));
            Assert.Contains("line 1", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(2, NluEvaluation.Run(ToolServices(), new NluArguments { Files = [bad + ".missing"] }, null, new StringWriter()));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void ScoresCountOnlyExactSlotValuesAsHits()
    {
        var set = LabelledLine.Parse(["close ticket 12\tchange_ticket_status\t{\"number\":12,\"status\":\"resolved\"}"]);

        var (_, overall) = NluEvaluation.Evaluate(NluEvaluation.Score(Registry(), set, [], null, 1, IntentScoring.Blend, true, new()));

        Assert.Equal(1, overall.Correct);
        Assert.Equal(1, overall.SlotHits);
        Assert.Equal(0.5, overall.SlotF1);
    }

    [Theory]
    [InlineData("the budget meeting", "budget meeting")]
    [InlineData("My monitor flickers.", "my monitor flickers")]
    [InlineData("a  Printer jammed!", "printer jammed")]
    [InlineData("this_week", "this week")]
    [InlineData("event 14", "14")]
    [InlineData("14", "Event #14")]
    public void TextSlotsCompareIgnoringCaseEndPunctuationAndALeadingArticle(string expected, string actual) =>
        Assert.True(SlotComparison.Same(System.Text.Json.Nodes.JsonValue.Create(expected), System.Text.Json.Nodes.JsonValue.Create(actual)));

    [Theory]
    [InlineData("event 14", "14 people")]
    [InlineData("this week", "next week")]
    [InlineData("ticket 14", "15")]
    public void DifferentValuesStayDifferent(string expected, string actual) =>
        Assert.False(SlotComparison.Same(System.Text.Json.Nodes.JsonValue.Create(expected), System.Text.Json.Nodes.JsonValue.Create(actual)));
}
