using System.ComponentModel;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Crm;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Crm;

/// <summary>Records a deal: its amount and currency, stage, expected close date, company and owner (the caller unless named).</summary>
internal static class AddDeal
{
    // In a list the company is a labelled item: "Northgate imaging upgrade, company Northgate Dental, 18,500 GBP".
    private const string Company = "(( (with|for|at)|,? company:?) (?<company>(?![$€£\\d])[^,]+?))?";
    // In a list ("website rebuild, $7k, ...") the amount needs no "worth".
    // Said aloud, "sunrise dental software twenty thousand dollars": a sum in words needs no comma either.
    private const string Worth = $"((,? (worth|for|of|valued at|at)|,) (?<amount>{CrmMoney.Pattern})| (?<amount>{CrmSpokenAmounts.Pattern}))?";
    private const string InCurrency = "(,? currency:? (?<currency>[a-z]{3}))?";
    private const string Closing = $"(,? ((expected )?(close|closing) date( of)?|closing|to close|closes|expected to close|(expected |should |will )close|close|due)( on| by)?:? (?<closes>{Calendar.CalendarPhrases.When}|{CrmPhrases.SpokenDay}))?";
    // A stage word is one of five, so "in negotiation" and "stage proposal" need no "stage" after it, nor as a list's item (", negotiation").
    private const string InStage = $"(,? ((in|at) (the )?{CrmPhrases.DealStages}( stage)?|stage:? {CrmPhrases.DealStages}|{CrmPhrases.DealStages} stage)|, {CrmPhrases.DealStages})?";
    private const string OwnedBy = "(,? (owned by|for owner|owner) (?<owner>.+?))?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "add_deal",
        Description = "Add a sales deal with its amount, stage, expected close date and owner",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "add a deal: Acme renewal with Acme worth 12,000 EUR closing next Friday"
            Utterance.Of($"(please )?(add|create|log|record|enter|open|new)( a| an| another)?( new)? (sales )?(deal|opportunity)( ?[:\\-–] ?| called | named | for | )(?<name>.+?){Company}{Worth}{InCurrency}{Closing}{InStage}{OwnedBy}"),
            // "create a deal for Volta Foods named Volta cold storage, 45,000 USD": the company first, then the deal's name.
            Utterance.Of($"(please )?(add|create|log|record|enter|open|new)( a| an| another)?( new)? (sales )?(deal|opportunity) (for|with) (?<company>[^,]+?),? (called|named) (?<name>[^,]+?){Worth}{InCurrency}{Closing}{InStage}{OwnedBy}"),
            // "We're quoting Harvest Kitchens. Add a deal named …": a sentence of context before the ask.
            Utterance.Of($"{CrmPhrases.Context}(please )?(add|create|log|record|enter|open)( a| an| another)?( new)? (sales )?(deal|opportunity)( ?[:\\-–] ?| called | named | for | )(?<name>.+?){Company}{Worth}{InCurrency}{Closing}{InStage}{OwnedBy}"),
            // "new deal for Greenleaf: website rebuild, $7k": the company before the colon, the deal after it.
            Utterance.Of($"(please )?(add|create|log|record|enter|open|new)( a| an| another)?( new)? (sales )?(deal|opportunity) (for|with) (?<company>[^:,]+?) ?: ?(?<name>[^,]+?){Worth}{InCurrency}{Closing}{InStage}{OwnedBy}"),
            // "add the POS upgrade deal for Castillo Foods, 9.5k USD, should close 20 Jan"
            Utterance.Of($"(please )?(add|create|log|record|enter|open)( a| an| the)?( new)? (?!(an? |the )?[$€£\\d])(?<name>[^,]+?) (deal|opportunity){Company}{Worth}{InCurrency}{Closing}{InStage}{OwnedBy}"),
            // "new 5k deal with Initech closing on 3 March"
            Utterance.Of($"(please )?(add|create|new)( a| an)? (?<amount>{CrmMoney.Pattern}) (deal|opportunity) (with|for|at) (?<name>(?<company>[^,]+?)){Closing}{InStage}{OwnedBy}"),
            Utterance.Of("(add|create) (a|an) (new )?(deal|opportunity)"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["name"] = "What should the deal be called? For example 'Acme renewal'.",
            ["amount"] = "How much is it worth? For example '12,000 EUR'.",
            ["closes"] = "When do you expect it to close? For example 'next Friday' or '30 June'.",
        },
        HelpExample = "add a deal: Globex rollout with Globex worth 8,000 USD closing next Friday",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("A short name for the deal, e.g. 'Acme renewal'.")] string name,
        [Description("What it is worth, with the currency if said: '12,000 EUR', '$5k'.")] string amount,
        [Description("The expected close date.")] DateTimeOffset closes,
        [Description("The customer company; created as a prospect when new.")] string? company = null,
        [Description("An ISO 4217 currency code (EUR, USD…) when not part of the amount.")] string? currency = null,
        [Description("prospecting (default), proposal, negotiation, won or lost.")] DealStage stage = DealStage.Prospecting,
        [Description("The member who owns it (handle or name); the caller when omitted.")] string? owner = null,
        CancellationToken cancellationToken = default)
    {
        var title = name.Trim().Trim('"', '\'').Trim();
        if (title.Length is 0 or > 200)
        {
            return ToolResult.Refused("A deal needs a name of up to 200 characters, e.g. 'Acme renewal'.");
        }
        if (CrmMoney.Parse(amount) is not { } money)
        {
            return ToolResult.Refused($"I didn't get the amount \"{amount}\". Try '12,000 EUR' or '$5k'.");
        }
        var code = CrmMoney.Currency(currency) ?? money.Currency ?? await CrmCompanies.DefaultCurrencyAsync(db, cancellationToken);
        var (ownerId, ownerName, ownerProblem) = await OwnerAsync(db, caller, owner, cancellationToken);
        if (ownerProblem is not null)
        {
            return ownerProblem;
        }
        Company? at = null;
        if (!string.IsNullOrWhiteSpace(company))
        {
            (at, _, var problem) = await CrmCompanies.FindOrAddAsync(db, organization, clock.GetUtcNow(), company, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
        }
        var zone = NaturalDates.Zone(caller.TimeZone);
        var deal = new Deal
        {
            Id = Guid.NewGuid(),
            OrganizationId = organization.Id,
            Name = title,
            CompanyId = at?.Id,
            OwnerId = ownerId,
            Value = money.Amount,
            Currency = code,
            Stage = stage,
            ExpectedClose = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(closes, zone).DateTime),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Deals.Add(deal);
        var with = at is null ? "" : $" with {at.Name}";
        return new ToolResult($"Added deal {deal.Name}{with}: {CrmText.Money(deal.Value, deal.Currency)}, {CrmText.Word(stage)} ({DealStages.Probability(stage)}%), " +
            $"closing {CrmText.Day(deal.ExpectedClose)}, owned by {ownerName}.");
    }

    /// <summary>The member named as owner, or the caller ("you").</summary>
    internal static async Task<(Guid? Id, string Name, ToolResult? Problem)> OwnerAsync(OperatorOneDb db, Caller caller, string? owner, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(owner))
        {
            return (caller.MemberId, "you", null);
        }
        var who = await MemberNames.ResolveAsync(db, owner, caller.MemberId, cancellationToken);
        return who.Member is { } member
            ? (member.Id, member.Id == caller.MemberId ? "you" : member.DisplayName, null)
            : (null, "", ToolResult.Refused(who.Problem!));
    }
}
