using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Crm;

/// <summary>Deletes a contact, company, lead or deal (and its activities) for good; risky, so an admin approves first.</summary>
internal static class DeleteCrmRecord
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "delete_crm_record",
        Description = "Delete a contact, company, lead or deal permanently",
        Tier = ToolTier.RiskyWrite,
        MinimumRole = MemberRole.Member,
        ApproverRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            // "delete contact Dana Lee", "remove the company Globex", "delete lead Jo Park for good"
            // "remove the deal 'Acme renewal' completely", "delete company Kestrel Data from the CRM, they closed down"
            Utterance.Of($"(please )?(delete|remove|erase|purge) (the )?(?<kind>contact|company|lead|deal) ['‘\"“]?(?<name>.+?)['’\"”]?( permanently| for good| completely| entirely| altogether| from the crm)*{CrmPhrases.Aside}"),
            Utterance.Of("(delete|remove) (a|the) (?<kind>contact|company|lead|deal)"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["kind"] = "Is it a contact, company, lead or deal?",
            ["name"] = "Which one? Tell me its name.",
        },
        HelpExample = "delete contact Dana Lee",
        Summarize = SummarizeAsync,
        Check = CheckAsync,
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        [Description("What kind of record.")] CrmRecordKind kind,
        [Description("Its name; for a contact optionally 'name at company'.")] string name,
        CancellationToken cancellationToken = default)
    {
        var query = CrmQuery.Parse(name);
        var match = CrmMatch.Decide(query, await FindAsync(db, kind, query, cancellationToken));
        if (CrmMatch.Problem(match, "name", query, $"a {CrmText.Word(kind)}") is { } problem)
        {
            return problem;
        }
        var record = ((CrmMatch.One)match).Record;
        // Activities go through ON DELETE CASCADE; contacts, leads and deals of a company keep living without it.
        var deleted = kind switch
        {
            CrmRecordKind.Contact => await db.Contacts.Where(c => c.Id == record.Id).ExecuteDeleteAsync(cancellationToken),
            CrmRecordKind.Company => await db.Companies.Where(c => c.Id == record.Id).ExecuteDeleteAsync(cancellationToken),
            CrmRecordKind.Lead => await db.Leads.Where(l => l.Id == record.Id).ExecuteDeleteAsync(cancellationToken),
            _ => await db.Deals.Where(d => d.Id == record.Id).ExecuteDeleteAsync(cancellationToken),
        };
        return deleted == 0
            ? ToolResult.Refused($"{record.Label} was already gone.")
            : new ToolResult($"Deleted {CrmText.Word(kind)} {record.Label}.");
    }

    /// <summary>No approval is asked for a record that does not exist; several matches become a question first.</summary>
    public static async Task<ToolResult?> CheckAsync(OperatorOneDb db, CrmRecordKind kind, string name, CancellationToken cancellationToken)
    {
        var query = CrmQuery.Parse(name);
        var match = CrmMatch.Decide(query, await FindAsync(db, kind, query, cancellationToken));
        return CrmMatch.Problem(match, "name", query, $"a {CrmText.Word(kind)}");
    }

    /// <summary>"Delete contact Dana Lee at Acme" on the approval card, so approvers see what they are deleting.</summary>
    public static async Task<string> SummarizeAsync(OperatorOneDb db, CrmRecordKind kind, string name, CancellationToken cancellationToken)
    {
        var query = CrmQuery.Parse(name);
        var match = CrmMatch.Decide(query, await FindAsync(db, kind, query, cancellationToken));
        var what = match is CrmMatch.One one ? one.Record.Label : $"\"{name}\"";
        return $"Delete {CrmText.Word(kind)} {what}";
    }

    private static async Task<List<CrmRecord>> FindAsync(OperatorOneDb db, CrmRecordKind kind, CrmQuery query, CancellationToken cancellationToken) => kind switch
    {
        CrmRecordKind.Contact => await CrmLookup.ContactsAsync(db, query, cancellationToken),
        CrmRecordKind.Company => await CrmLookup.CompaniesAsync(db, query.ToString(), cancellationToken),
        CrmRecordKind.Lead => await CrmLookup.LeadsAsync(db, query, cancellationToken),
        _ => await CrmLookup.DealsAsync(db, query.ToString(), cancellationToken),
    };
}
