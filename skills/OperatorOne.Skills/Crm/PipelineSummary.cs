using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Crm;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Crm;

/// <summary>Leads by stage, and deals by stage with their count, value and probability-weighted value per currency.</summary>
internal static class PipelineSummary
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "pipeline_summary",
        Description = "Summarize the sales pipeline",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            // "pipeline summary", "how's the pipeline looking", "show me the sales pipeline"
            Utterance.Of("((show|give)( me)? )?(the |our |a )?(sales )?pipeline( summary| overview| report)?"),
            Utterance.Of("(how('?s| is) )?(the |our )?(sales )?pipeline( looking| doing)?"),
            Utterance.Of("(summari[sz]e|sum up) (the |our )?(sales )?pipeline"),
            Utterance.Of("what does (the |our )?(sales )?pipeline look like"),
        ],
        HelpExample = "pipeline summary",
    };

    public static async Task<ToolResult> RunAsync(OperatorOneDb db, CancellationToken cancellationToken = default)
    {
        var leads = await db.Leads.GroupBy(l => l.Stage).Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Stage, g => g.Count, cancellationToken);
        var deals = await db.Deals.GroupBy(d => new { d.Stage, d.Currency })
            .Select(g => new DealTotal(g.Key.Stage, g.Key.Currency, g.Count(), g.Sum(d => d.Value)))
            .ToListAsync(cancellationToken);
        if (leads.Count == 0 && deals.Count == 0)
        {
            return new ToolResult("The pipeline is empty: no leads or deals yet.");
        }
        return new ToolResult(Describe(leads, deals));
    }

    internal sealed record DealTotal(DealStage Stage, string Currency, int Count, decimal Value);

    /// <summary>"Leads: new 2, contacted 1 …" then one line per deal stage: "Proposal: 2 deals, 15,000 EUR".</summary>
    internal static string Describe(IReadOnlyDictionary<LeadStage, int> leads, IReadOnlyList<DealTotal> deals)
    {
        var lines = new List<string>();
        if (leads.Count > 0)
        {
            var stages = Enum.GetValues<LeadStage>().Where(leads.ContainsKey).Select(s => $"{CrmText.Word(s)} {leads[s]}");
            lines.Add($"Leads: {string.Join(", ", stages)}.");
        }
        foreach (var stage in Enum.GetValues<DealStage>())
        {
            var totals = deals.Where(d => d.Stage == stage).OrderBy(d => d.Currency, StringComparer.Ordinal).ToList();
            if (totals.Count > 0)
            {
                var count = totals.Sum(t => t.Count);
                var value = string.Join(" + ", totals.Select(t => CrmText.Money(t.Value, t.Currency)));
                var weighted = DealStages.IsOpen(stage)
                    ? $" (weighted at {DealStages.Probability(stage)}%: {string.Join(" + ", totals.Select(t => CrmText.Money(DealStages.Weighted(t.Value, stage), t.Currency)))})"
                    : "";
                lines.Add($"Deals {CrmText.Word(stage)}: {CrmText.Plural(count, "deal")}, {value}{weighted}.");
            }
        }
        var open = deals.Where(d => DealStages.IsOpen(d.Stage)).GroupBy(d => d.Currency.Trim()).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (open.Count > 0)
        {
            var forecast = open.Select(g => CrmText.Money(g.Sum(d => DealStages.Weighted(d.Value, d.Stage)), g.Key));
            var total = open.Select(g => CrmText.Money(g.Sum(d => d.Value), g.Key));
            lines.Add($"Open pipeline: {string.Join(" + ", total)}; weighted forecast {string.Join(" + ", forecast)}.");
        }
        return string.Join("\n", lines);
    }
}
