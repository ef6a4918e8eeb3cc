using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Hosting;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Nlu;
using OperatorOne.Skills;
using OperatorOne.Skills.Crm;
using OperatorOne.Skills.ServiceDesk;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Tests.Nlu;

/// <summary>The built-in recognizer measured on the labelled set, with the same code the eval-nlu command runs.</summary>
public sealed class NluEvaluationTests
{
    private static readonly string SetPath = Path.Combine(AppContext.BaseDirectory, "Nlu", "utterances.tsv");

    private static IServiceCollection ToolServices()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddBotCore();
        builder.AddSkills();
        return builder.Services;
    }

    private static ToolRegistry Registry(IServiceCollection services) =>
        new(services.Where(d => d.ServiceType == typeof(ToolDefinition)).Select(d => (ToolDefinition)d.ImplementationInstance!));

    [Fact]
    public void TheLabelledSetHasAtLeastFourHundredUtterancesCoveringHelpAndEveryTicketTool()
    {
        var set = NluEvaluation.Parse(File.ReadAllLines(SetPath));
        var registry = Registry(ToolServices());

        Assert.True(set.Count >= 400, $"only {set.Count} utterances");
        Assert.All(set, item => Assert.NotNull(registry.Find(item.Tool)));
        Assert.All(TicketsSkill.Tools.Select(t => t.Name).Append("help"), tool => Assert.Contains(set, item => item.Tool == tool));
    }

    [Fact]
    public void EveryServiceDeskAdminAndCrmToolHasAtLeastEightLabelledLines()
    {
        var set = NluEvaluation.Parse(File.ReadAllLines(SetPath));

        Assert.All(ServiceDeskSkill.Tools.Concat(global::OperatorOne.Skills.Admin.AdminSkill.Tools).Concat(CrmSkill.Tools).Select(t => t.Name),
            tool => Assert.True(set.Count(item => item.Tool == tool) >= 8, $"{tool} has fewer than 8 lines"));
    }

    [Fact]
    public void TheBuiltInRecognizerReachesNinetyPercentIntentAccuracyAndEightyFivePercentSlotF1()
    {
        var (perTool, overall) = NluEvaluation.Evaluate(Registry(ToolServices()), NluEvaluation.Parse(File.ReadAllLines(SetPath)));

        Assert.True(overall.IntentAccuracy >= 0.90, $"intent accuracy {overall.IntentAccuracy:0.00}");
        Assert.True(overall.SlotF1 >= 0.85, $"slot F1 {overall.SlotF1:0.00}");
        Assert.All(perTool, score => Assert.True(score.IntentAccuracy >= 0.80, $"{score.Tool}: {score.IntentAccuracy:0.00}"));
    }

    [Fact]
    public void TheCommandPrintsEveryToolAndTheOverallFiguresOnTheLastLine()
    {
        using var output = new StringWriter();

        var exit = NluEvaluation.Run(ToolServices(), SetPath, showMisses: false, output);

        var lines = output.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(0, exit);
        Assert.Matches(@"^intent_accuracy=\d\.\d\d slot_f1=\d\.\d\d$", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("delete_ticket", StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingOrMalformedFileIsReportedWithoutAStackTrace()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"nlu-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(bad, "close ticket 12\tchange_ticket_status\tnot json\n");
        try
        {
            using var output = new StringWriter();
            Assert.Equal(2, NluEvaluation.Run(ToolServices(), bad, showMisses: false, output));
            Assert.Contains("line 1", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(2, NluEvaluation.Run(ToolServices(), bad + ".missing", showMisses: false, new StringWriter()));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void ScoresCountOnlyExactSlotValuesAsHits()
    {
        var registry = Registry(ToolServices());
        var set = NluEvaluation.Parse(["close ticket 12\tchange_ticket_status\t{\"number\":12,\"status\":\"resolved\"}"]);

        var (_, overall) = NluEvaluation.Evaluate(registry, set);

        Assert.Equal(1, overall.Correct);
        Assert.Equal(1, overall.SlotHits);
        Assert.Equal(0.5, overall.SlotF1);
    }
}
