using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Crm;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Crm.CrmPhrases;

namespace OperatorOne.Skills.Crm;

/// <summary>Moves a lead along New → Contacted → Qualified, or marks it Lost (or reopens it).</summary>
internal static class MoveLead
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "move_lead",
        Description = "Move a lead to another stage",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "move lead Jo Park to qualified", "mark the lead Initech as contacted", "set lead Initech to lost"
            // "set the Umbrella lead back to new", "move the Oscorp lead on to qualified": the direction is no part of the name.
            Utterance.Of($"(move|mark|set|change|put|update) {LeadName}( back| on| forward| along| over)? (to|as|in|into) {Stage}"),
            Utterance.Of($"lead {LeadName}( is| ->| →)? {Stage}"),
            // "set Emeka Obi's lead stage to contacted", "set the stage of lead Acme Corp to qualified"
            Utterance.Of($"(move|set|change|put|update) {LeadName}(['’]s)?( lead)? stage (to|as) {Stage}"),
            Utterance.Of($"(set|change|update) the stage (of|for|on) {LeadName} (to|as) {Stage}"),
            Utterance.Of($"(we )?(contacted) {LeadName}", new Dictionary<string, string> { ["stage"] = "contacted" }),
            Utterance.Of($"(we )?(lost) (the )?lead (?<lead>.+)", new Dictionary<string, string> { ["stage"] = "lost" }),
            Utterance.Of("(move|update) (a|the) lead"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["lead"] = "Which lead?",
            ["stage"] = "To which stage: contacted, qualified or lost (or new to reopen)?",
        },
        HelpExample = "move lead Jo Park to qualified",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        TimeProvider clock,
        [Description("The lead's name, or 'name from company'.")] string lead,
        [Description("The new stage.")] LeadStage stage,
        CancellationToken cancellationToken = default)
    {
        var query = CrmQuery.Parse(lead);
        var match = CrmMatch.Decide(query, await CrmLookup.LeadsAsync(db, query, cancellationToken));
        if (CrmMatch.Problem(match, "lead", query, "a lead") is { } problem)
        {
            return problem;
        }
        var found = ((CrmMatch.One)match).Record;
        var row = await db.Leads.SingleAsync(l => l.Id == found.Id, cancellationToken);
        if (LeadStageRules.Problem(found.Label, row.Stage, stage) is { } refusal)
        {
            return ToolResult.Refused(refusal);
        }
        var before = row.Stage;
        row.Stage = stage;
        row.UpdatedAt = clock.GetUtcNow();
        await IntegrationEvents.LeadMovedAsync(db, caller, clock.GetUtcNow(), row, before, cancellationToken);
        return new ToolResult($"Moved lead {found.Label} from {CrmText.Word(before)} to {CrmText.Word(stage)}.");
    }
}
