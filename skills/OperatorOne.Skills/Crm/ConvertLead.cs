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

/// <summary>Turns a lead into a customer company (and a contact for the person); risky, so an admin approves first.</summary>
internal static class ConvertLead
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "convert_lead",
        Description = "Convert a lead into a customer",
        Tier = ToolTier.RiskyWrite,
        MinimumRole = MemberRole.Member,
        ApproverRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            // "convert lead Jo Park", "convert the lead Initech to a customer", "move lead Initech to converted"
            Utterance.Of($"(please )?convert {LeadName}( (in)?to an? (customer|client|account))?{Aside}"),
            Utterance.Of($"(move|mark|set|change|put) {LeadName} (to|as|in|into) converted"),
            // "make Priya Shah a customer from the lead", "turn Emeka Obi's lead into a customer"; "make the company X a customer" is the company's kind.
            Utterance.Of($"make (?!(the )?company ){LeadName} an? (customer|client)( from (the|their|her|his|its) lead)?"),
            Utterance.Of($"(turn|make) (?!(the )?company |(the )?lead into ){LeadName}(['’]s)?( lead)? into an? (customer|client|account)"),
        ],
        Prompts = new Dictionary<string, string> { ["lead"] = "Which lead should I convert?" },
        HelpExample = "convert lead Jo Park",
        Summarize = SummarizeAsync,
        Check = CheckAsync,
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("The lead's name, or 'name from company'.")] string lead,
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
        if (row.Stage == LeadStage.Converted)
        {
            return ToolResult.Refused($"{found.Label} is already converted to a customer.");
        }
        var companyName = row.CompanyName ?? row.Name;
        // An existing company of that name becomes the customer rather than a duplicate.
        var namesakes = await CrmLookup.CompaniesAsync(db, companyName, cancellationToken);
        var existing = namesakes.Find(c => string.Equals(c.Name, companyName, StringComparison.OrdinalIgnoreCase));
        var company = existing is null ? null : await db.Companies.SingleAsync(c => c.Id == existing.Id, cancellationToken);
        if (company is null)
        {
            company = new Company { Id = Guid.NewGuid(), OrganizationId = organization.Id, Name = companyName, CreatedAt = clock.GetUtcNow() };
            db.Companies.Add(company);
        }
        company.Kind = CompanyKind.Customer;
        var person = row.CompanyName is not null && !await db.Contacts.AnyAsync(c => c.CompanyId == company.Id && c.FullName == row.Name, cancellationToken);
        if (person)
        {
            db.Contacts.Add(new Contact
            {
                Id = Guid.NewGuid(),
                OrganizationId = organization.Id,
                CompanyId = company.Id,
                FullName = row.Name,
                CreatedAt = clock.GetUtcNow(),
            });
        }
        var before = row.Stage;
        row.Stage = LeadStage.Converted;
        row.CompanyId = company.Id;
        row.UpdatedAt = clock.GetUtcNow();
        await IntegrationEvents.LeadMovedAsync(db, caller, clock.GetUtcNow(), row, before, cancellationToken);
        var contact = person ? $" with {row.Name} as a contact" : "";
        return new ToolResult($"Converted lead {found.Label}: {company.Name} is now a customer{contact}.");
    }

    /// <summary>No approval is asked for a lead that does not exist or is already a customer.</summary>
    public static async Task<ToolResult?> CheckAsync(OperatorOneDb db, string lead, CancellationToken cancellationToken)
    {
        var query = CrmQuery.Parse(lead);
        var match = CrmMatch.Decide(query, await CrmLookup.LeadsAsync(db, query, cancellationToken));
        if (CrmMatch.Problem(match, "lead", query, "a lead") is { } problem)
        {
            return problem;
        }
        var found = ((CrmMatch.One)match).Record;
        var stage = await db.Leads.Where(l => l.Id == found.Id).Select(l => l.Stage).SingleAsync(cancellationToken);
        return stage == LeadStage.Converted ? ToolResult.Refused($"{found.Label} is already converted to a customer.") : null;
    }

    /// <summary>"Convert lead Jo Park at Initech to a customer" on the approval card.</summary>
    public static async Task<string> SummarizeAsync(OperatorOneDb db, string lead, CancellationToken cancellationToken)
    {
        var query = CrmQuery.Parse(lead);
        var match = CrmMatch.Decide(query, await CrmLookup.LeadsAsync(db, query, cancellationToken));
        return match is CrmMatch.One one ? $"Convert lead {one.Record.Label} to a customer" : $"Convert lead \"{lead}\" to a customer";
    }
}
