using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Crm;

/// <summary>Changes a company's kind (prospect, customer, vendor, partner) or its name.</summary>
internal static class UpdateCompany
{
    /// <summary>", update the company", ", please update it in the CRM": the ask after the news, naming nothing new.</summary>
    private const string UpdateIt = "(,? (please )?(update|change|fix) (it|them|that|the company|their (record|details|kind))( in the crm)?)?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "update_company",
        Description = "Change a company's kind (prospect, customer, vendor, partner) or name",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "mark the company Globex as a customer", "change company Staples to a vendor"
            .. CompanyKinds.Said(kind => $"(please )?(mark|set|change|make|update|turn|switch) (the )?company (?<company>.+?) (as|to|into|a|an)( an?)? {kind}"),
            // "Globex is now a customer", "Staples is a supplier", "Brightwater Ltd is a customer now, update the company"
            .. CompanyKinds.Said(kind => $"(the company )?(?<company>.+?) is (now )?(a|an|our)( new)? {kind}( now)?{UpdateIt}"),
            // "switch Globex to partner": without the word company, only a kind no lead stage shares ("move Globex to qualified" is a lead's).
            .. CompanyKinds.Said(kind => $"(please )?(switch|change|move|set) (?<company>.+?) (over )?to (an? )?{kind}"),
            // "rename company Acme to Acme Corp", "change the company name Hooli to Hooli Inc", "change the name of company Hooli to Hooli Inc"
            Utterance.Of("(please )?(rename|retitle) (the )?company (?<company>.+?) (to|as) (?<name>.+)"),
            Utterance.Of("(please )?(change|update|set|fix) (the )?company(['’]s)? name (of |from )?(?<company>.+?) to (?<name>.+)"),
            Utterance.Of("(please )?(change|update|set|fix) the name of (the )?company (?<company>.+?) to (?<name>.+)"),
            // "Hoang Minh Trading changed their name to HM Global, please update it in the CRM"
            Utterance.Of($"(the company )?(?<company>.+?) (has )?(changed|updated) (their|its) name to (?<name>[^,]+?){UpdateIt}"),
            Utterance.Of($"(the company )?(?<company>.+?) is now called (?<name>[^,]+?){UpdateIt}"),
            Utterance.Of("(please )?(update|edit|change) (the )?company (?<company>.+)"),
        ],
        Prompts = new Dictionary<string, string> { ["company"] = "Which company?" },
        HelpExample = "mark the company Globex as a customer",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        [Description("The company's name.")] string company,
        [Description("Its new kind: prospect, customer, vendor or partner.")] string? kind = null,
        [Description("Its new name.")] string? name = null,
        CancellationToken cancellationToken = default)
    {
        if (kind is null && name is null)
        {
            return ToolResult.Ask("kind", "What is it now: a prospect, customer, vendor or partner?", ["prospect", "customer", "vendor", "partner"]);
        }
        var newKind = kind is null ? null : CompanyKinds.Read(kind);
        if (kind is not null && newKind is null)
        {
            return ToolResult.Refused($"A company is a prospect, customer, vendor or partner, not \"{kind}\".");
        }
        var query = new CrmQuery(company.Trim(), null);
        var match = CrmMatch.Decide(query, await CrmLookup.CompaniesAsync(db, query.Name, cancellationToken));
        if (CrmMatch.Problem(match, "company", query, "a company") is { } problem)
        {
            return problem;
        }
        var row = await db.Companies.SingleAsync(c => c.Id == ((CrmMatch.One)match).Record.Id, cancellationToken);
        var changes = new List<string>();
        if (newKind is { } what && what != row.Kind)
        {
            changes.Add($"now {CompanyKinds.Article(what)} (was {CrmText.Word(row.Kind)})");
            row.Kind = what;
        }
        if (name?.Trim() is { Length: > 0 and <= 200 } renamed && renamed != row.Name)
        {
            changes.Add($"renamed from {row.Name}");
            row.Name = renamed;
        }
        return changes.Count == 0
            ? new ToolResult($"{row.Name} is already {CompanyKinds.Article(row.Kind)}.")
            : new ToolResult($"{row.Name}: {string.Join(", ", changes)}.");
    }
}
