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
    private const string Kind = "(?<kind>prospect|customer|client|vendor|supplier|partner)";

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
            Utterance.Of($"(please )?(mark|set|change|make|update|turn) (the )?company (?<company>.+?) (as|to|into|a|an)( an?)? {Kind}"),
            // "Globex is now a customer", "Staples is a supplier"
            Utterance.Of($"(the company )?(?<company>.+?) is (now )?(a|an|our)( new)? {Kind}( now)?"),
            // "rename company Acme to Acme Corp"
            Utterance.Of("(please )?(rename|retitle) (the )?company (?<company>.+?) (to|as) (?<name>.+)"),
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
