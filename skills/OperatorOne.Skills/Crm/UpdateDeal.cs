using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Crm;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Crm;

/// <summary>Changes a deal: its stage, amount, currency, expected close date, owner or name.</summary>
internal static class UpdateDeal
{
    private const string TheDeal = "(the )?(?<deal>.+?) (deal|opportunity)";
    private const string When = Calendar.CalendarPhrases.When;

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "update_deal",
        Description = "Change a deal's stage, amount, currency, close date, owner or name",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "move the Acme renewal deal to negotiation", "mark the Initech deal as won"
            Utterance.Of($"(please )?(move|set|change|update|mark|put|advance) {TheDeal} (to|as|in|into) (the )?{CrmPhrases.DealStages}( stage)?"),
            Utterance.Of($"(please )?(move|set|change|update|mark|put) (the )?(deal|opportunity) (?<deal>.+?) (to|as|in|into) (the )?{CrmPhrases.DealStages}( stage)?"),
            Utterance.Of($"we (?<stage>won|lost) {TheDeal}"),
            // "set the amount of the Acme renewal deal to 15,000 EUR", "the Acme renewal deal is worth 15k"
            Utterance.Of($"(please )?(set|change|update|raise|lower) (the )?(amount|value|size) (of|on|for) {TheDeal} to (?<amount>{CrmMoney.Pattern})"),
            Utterance.Of($"{TheDeal} is (now )?worth (?<amount>{CrmMoney.Pattern})"),
            // "the Acme renewal deal closes next Friday", "push the close date of the Initech deal to 30 June"
            Utterance.Of($"{TheDeal} (now )?(closes|will close|is closing|should close|is expected to close)( on| by)? (?<closes>{When})"),
            Utterance.Of($"(please )?(set|change|move|push|update) (the )?(expected )?close( date)? (of|on|for) {TheDeal} to (?<closes>{When})"),
            // "move the Acme renewal deal's close date to 31 March"
            Utterance.Of($"(please )?(set|change|move|push|update) {TheDeal}'s (expected )?close( date)? to (?<closes>{When})"),
            // "give the Acme renewal deal to Mia", "reassign the Initech deal to Ada"
            Utterance.Of($"(please )?(give|assign|reassign|hand|hand over|transfer) {TheDeal} to (?<owner>.+)"),
            Utterance.Of($"(please )?(update|change|edit) {TheDeal}"),
        ],
        Prompts = new Dictionary<string, string> { ["deal"] = "Which deal? Tell me its name." },
        HelpExample = "move the Acme renewal deal to negotiation",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        [Description("The deal's name, e.g. 'Acme renewal'.")] string deal,
        [Description("The new stage: prospecting, proposal, negotiation, won or lost.")] DealStage? stage = null,
        [Description("The new amount, with the currency if it changes: '15,000 EUR'.")] string? amount = null,
        [Description("A new ISO 4217 currency code.")] string? currency = null,
        [Description("The new expected close date.")] DateTimeOffset? closes = null,
        [Description("The new owner (handle or name).")] string? owner = null,
        [Description("A new name for the deal.")] string? name = null,
        CancellationToken cancellationToken = default)
    {
        if (stage is null && amount is null && currency is null && closes is null && owner is null && name is null)
        {
            return ToolResult.Ask("stage", "What should change? Say a stage (prospecting, proposal, negotiation, won, lost), or the amount, close date or owner.", []);
        }
        var query = CrmQuery.Parse(deal);
        var match = CrmMatch.Decide(query, await CrmLookup.DealsAsync(db, query.ToString(), cancellationToken));
        if (CrmMatch.Problem(match, "deal", query, "a deal") is { } problem)
        {
            return problem;
        }
        var row = await db.Deals.SingleAsync(d => d.Id == ((CrmMatch.One)match).Record.Id, cancellationToken);
        var changes = new List<string>();
        if (stage is { } next && next != row.Stage)
        {
            changes.Add($"{CrmText.Word(row.Stage)} → {CrmText.Word(next)} ({DealStages.Probability(next)}%)");
            row.Stage = next;
        }
        if (amount is not null || currency is not null)
        {
            var money = amount is null ? (row.Value, (string?)null) : CrmMoney.Parse(amount);
            if (money is not { } value)
            {
                return ToolResult.Refused($"I didn't get the amount \"{amount}\". Try '12,000 EUR' or '$5k'.");
            }
            var code = CrmMoney.Currency(currency) ?? value.Currency ?? row.Currency.Trim();
            changes.Add($"{CrmText.Money(row.Value, row.Currency)} → {CrmText.Money(value.Amount, code)}");
            (row.Value, row.Currency) = (value.Amount, code);
        }
        if (closes is { } when)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(when, NaturalDates.Zone(caller.TimeZone)).DateTime);
            changes.Add($"closing {CrmText.Day(day)} (was {CrmText.Day(row.ExpectedClose)})");
            row.ExpectedClose = day;
        }
        if (owner is not null)
        {
            var (ownerId, ownerName, ownerProblem) = await AddDeal.OwnerAsync(db, caller, owner, cancellationToken);
            if (ownerProblem is not null)
            {
                return ownerProblem;
            }
            row.OwnerId = ownerId;
            changes.Add($"owned by {ownerName}");
        }
        if (name?.Trim() is { Length: > 0 and <= 200 } renamed)
        {
            changes.Add($"renamed to {renamed}");
            row.Name = renamed;
        }
        return changes.Count == 0
            ? new ToolResult($"Nothing changed: {row.Name} is already like that.")
            : new ToolResult($"Updated deal {row.Name}: {string.Join("; ", changes)}.");
    }
}
