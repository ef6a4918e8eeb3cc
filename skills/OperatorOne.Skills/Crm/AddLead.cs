using System.ComponentModel;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Crm;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Crm;

/// <summary>Records a new lead owned by the caller: "add a lead: Jo Park from Initech".</summary>
internal static class AddLead
{
    /// <summary>The company when said apart from the name; "Dana Lee from Acme" stays one name, as people write it.</summary>
    private const string Company = "(,? (company( is)?:?|(he|she|they)(['’]s| is| are) (with|from|at)|(who |he |she )works (for|at)|(who |they )work (for|at)) (?<company>[^,]+?))?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "add_lead",
        Description = "Add a sales lead",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "add a lead: Jo Park from Initech", "new lead Initech", "create a lead for Jo Park at Initech"
            // "new lead, Chloé Martin, company Atelier Martin", "add a lead: Ana Silva, she's with Brightwave"
            Utterance.Of($"(please )?(add|create|log|record|enter|new)( a| an| another)?( new)? (sales )?lead(( ?[:\\-–,] ?| for | called | named | )(?<name>.+?){Company})?"),
            // "met a guy called Lars at the trade show, he's with Vastra Tools, add him as a lead"
            Utterance.Of($"(i )?met (a guy|a man|a woman|a lady|someone|somebody)( called| named)? (?<name>[^,]+?)( at [^,]+?)?{Company},? (can you |please )?(add|put|save|log|enter) (him|her|them)( in)? as a (new )?lead"),
        ],
        Prompts = new Dictionary<string, string> { ["name"] = "Who is the lead? A name, and the company if you know it (\"Jo Park from Initech\")." },
        HelpExample = "add a lead: Jo Park from Initech",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("The person or company, optionally 'person from company': 'Jo Park from Initech'.")] string name,
        [Description("The company, when not given in the name.")] string? company = null,
        CancellationToken cancellationToken = default)
    {
        var query = CrmQuery.Parse(name);
        var companyName = (company ?? query.Company)?.Trim();
        if (query.Name.Length == 0 || query.Name.Length > 200 || companyName?.Length > 200)
        {
            return ToolResult.Refused("A lead needs a name of up to 200 characters, e.g. 'Jo Park from Initech'.");
        }
        var lead = new Lead
        {
            Id = Guid.NewGuid(),
            OrganizationId = organization.Id,
            Name = query.Name,
            CompanyName = string.IsNullOrEmpty(companyName) ? null : companyName,
            OwnerId = caller.MemberId,
            CreatedAt = clock.GetUtcNow(),
            UpdatedAt = clock.GetUtcNow(),
        };
        db.Leads.Add(lead);
        await db.SaveChangesAsync(cancellationToken);
        var at = lead.CompanyName is null ? "" : $" ({lead.CompanyName})";
        return new ToolResult($"Added lead {lead.Name}{at} as new, owned by you.");
    }
}
