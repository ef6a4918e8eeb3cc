using System.ComponentModel;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Crm;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Crm;

/// <summary>Adds a company to the CRM: a prospect unless said to be a customer, vendor or partner.</summary>
internal static class AddCompany
{
    /// <summary>"new supplier in the CRM: Nordic Flour": where it goes, said before its name and no part of it.</summary>
    private const string InTheCrm = "( (to|in|into) (the )?crm)?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "add_company",
        Description = "Add a company (prospect, customer, vendor or partner) to the CRM",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "add company Globex", "add a customer company Hooli", "create a new vendor Staples", "add the company Oduya Farms"
            .. CompanyKinds.Said(kind => $"(please )?(add|create|record|enter|save|new)( a| an| another| the)?( new)?( {kind})? (company|organi[sz]ation|account|business){InTheCrm}( ?[:\\-–] ?| called | named | )(?<name>.+?)( as an? {kind})?"),
            // "new prospect Tom Baker" is a lead: here a kind needs the word company unless it is a customer, vendor or partner.
            .. CompanyKinds.Said(kind => $"(please )?(add|create|record|new)( a| an)?( new)? {kind}{InTheCrm}( ?[:\\-–] ?| called | named | )(?<name>.+)", "customer|vendor|partner"),
            .. CompanyKinds.Said(kind => $"(please )?(add|put) (?<name>.+?) (to|in|into) the crm( as an? {kind})?"),
            // "add Brightwater Ltd as a prospect", "save nordic paper as a new supplier": a kind of company says what it is.
            .. CompanyKinds.Said(kind => $"(please )?(add|create|record|save|enter) (?<name>.+?)( (to|in|into) the crm)? as (an? |our )?(new )?{kind}( company)?"),
            Utterance.Of("(add|create) (a|an) (company|account)"),
        ],
        Prompts = new Dictionary<string, string> { ["name"] = "What is the company called?" },
        HelpExample = "add company Umbrella as a customer",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("The company's name.")] string name,
        [Description("prospect (default), customer, vendor or partner; 'client' means customer, 'supplier' vendor.")] string? kind = null,
        CancellationToken cancellationToken = default)
    {
        if (CompanyKinds.Read(kind) is not { } what)
        {
            return ToolResult.Refused($"A company is a prospect, customer, vendor or partner, not \"{kind}\".");
        }
        var clean = name.Trim().Trim('"', '\'').Trim();
        if (clean.Length is 0 or > 200)
        {
            return ToolResult.Refused("A company name must be between 1 and 200 characters.");
        }
        var namesakes = await CrmLookup.CompaniesAsync(db, clean, cancellationToken);
        if (namesakes.Find(c => string.Equals(c.Name, clean, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            return ToolResult.Refused($"{existing.Name} is already in the CRM.");
        }
        db.Companies.Add(new Company { Id = Guid.NewGuid(), OrganizationId = organization.Id, Name = clean, Kind = what, CreatedAt = clock.GetUtcNow() });
        return new ToolResult($"Added {clean} as {CompanyKinds.Article(what)}.");
    }
}
