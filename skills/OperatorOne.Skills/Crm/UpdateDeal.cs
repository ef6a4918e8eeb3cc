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

    /// <summary>Where the verb already says it is a deal ("rename deal X to Y", "the close date of X"), the word deal may be left out.</summary>
    private const string AnyDeal = "(the )?((deal|opportunity) )?(?<deal>.+?)( (deal|opportunity))?";

    private const string Lost = "(fell through|is dead|died|collapsed|went cold|has gone cold|is off)";

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
            // "we lost the Brightwave licence deal, mark it lost", "the Vandelay import deal fell through"
            Utterance.Of($"we (?<stage>won|lost) {TheDeal}(,? (so )?(please )?(mark|set|close) it (as )?(won|lost))?"),
            Utterance.Of($"{TheDeal} {Lost}", new Dictionary<string, string> { ["stage"] = "lost" }),
            // "Volta cold storage is lost, they chose another supplier": a lead says so ("the Hooli lead is lost" is the lead's).
            // Not "my laptop is lost" (a person's things), nor "the Hooli lead is lost" (a lead).
            Utterance.Of($"(?!(my|our|your|his|her|their|i|we) )(?!.*\\blead\\b){AnyDeal} (is|has been) (?<stage>won|lost){CrmPhrases.Aside}"),
            // "set the amount of the Acme renewal deal to 15,000 EUR", "bump the value of the Oscorp deal to 30k", "the Acme renewal deal is worth 15k"
            Utterance.Of($"(please )?(set|change|update|raise|lower|bump|increase|reduce|cut|up) (up )?(the )?(amount|value|size|price) (of|on|for) {AnyDeal} to (?<amount>{CrmMoney.Pattern})"),
            Utterance.Of($"(please )?(set|change|update|raise|lower|bump|increase|reduce|cut) {TheDeal}(['’]s)? (amount|value|size|price) to (?<amount>{CrmMoney.Pattern})"),
            Utterance.Of($"{TheDeal} is (now )?worth (?<amount>{CrmMoney.Pattern})"),
            // "switch the currency on deal Initech pilot to GBP"
            Utterance.Of("(please )?(set|change|switch|update|make) (the )?currency (of|on|for) " + AnyDeal + " to (?<currency>[a-z]{3})"),
            // "the Acme renewal deal closes next Friday", "push the close date of Fjord fleet tablets to 31 March"
            Utterance.Of($"{TheDeal} (now )?(closes|will close|is closing|should close|is expected to close)( on| by)? (?<closes>{When})"),
            Utterance.Of($"(please )?(set|change|move|push|update|pull|bring) (back |forward )?(the )?(expected )?close( date)? (of|on|for) {AnyDeal} (back |forward )?to (?<closes>{When}|{CrmPhrases.SpokenDay})"),
            // "move the Acme renewal deal's close date to 31 March"
            Utterance.Of($"(please )?(set|change|move|push|update) {TheDeal}'s (expected )?close( date)? to (?<closes>{When})"),
            // "give the Acme renewal deal to Mia", "reassign the deal Baltic Freight expansion to Ngozi"
            Utterance.Of($"(please )?(give|assign|reassign|hand|hand over|transfer) {TheDeal} to (?<owner>.+)"),
            Utterance.Of("(please )?(give|assign|reassign|hand|hand over|transfer) (the )?(deal|opportunity) (?<deal>.+?) (over )?to (?<owner>.+)"),
            // "rename deal Fjord Outdoor tents to Fjord Outdoor tents and sleeping bags"
            Utterance.Of("(please )?rename (the )?((deal|opportunity) (?<deal>.+?)|(?<deal>.+?) (deal|opportunity)) (to|as) (?<name>.+)"),
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
