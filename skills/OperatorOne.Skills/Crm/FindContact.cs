using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Crm;

/// <summary>Looks up people and companies by a name that may be partial or misspelled ("Dana", "acme corp", "Dana from Acme").</summary>
internal static class FindContact
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "find_contact",
        Description = "Find a contact or company in the CRM",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            // "find Dana from Acme", "look up contact Dana Lee", "search the crm for Acme"
            // Never what other tools find: "look up tickets that mention …", "find what priya wrote about …".
            Utterance.Of("(please )?(find|look up|lookup|search( the)?( crm)? for|search) (?!(the |my |all |any )?(tickets?|docs?|documents?|files?|events?|deals?|meetings?|what|where|when|how|a time|time)\\b)(the )?(contact|company|customer|person|client)?( called| named)? ?(?<name>.+?)( in the crm)?"),
            Utterance.Of("who(['’]?s| is) (?<name>.+)"),
            // "do we have a contact at Pinewood Hotels", "who do we know at initech", "do we have a number for marco from de luca wines"
            Utterance.Of("(do|does) (we|anyone|anybody) (have|know) (a |an |any )?(contacts?|numbers?|phone( numbers?)?|emails?( address(es)?)?|details|someone|somebody|anyone|anybody|people)( to call)? (at|for|from|in) (?<name>.+)"),
            Utterance.Of("who (do|does) (we|anyone) know (at|from|in) (?<name>.+)"),
            // "whats the number for dave mitchell", "what is the email address of Hana Ito"
            Utterance.Of("what(['’]?s| is) (the |their |his |her )?(phone |mobile |cell |office )?(number|phone|mobile|email( address)?|contact( details| info)?|details) (for|of) (?<name>.+)"),
            // "what's Tariq's email? he should be in the CRM": the owner of the detail, without the 's.
            Utterance.Of("what(['’]?s| is|'re| are) (?<name>[^?]+?)['’]s? (email|e-mail|phone|mobile|number|address|details|contact details)( address| number)?(\\?.*)?"),
            Utterance.Of("(find|look up|lookup) (a )?(contact|company)"),
        ],
        Prompts = new Dictionary<string, string> { ["name"] = "Who or which company should I look for?" },
        HelpExample = "find Dana from Acme",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        [Description("A person's or company's name, possibly partial: 'Dana', 'Acme', 'Dana from Acme'.")] string name,
        CancellationToken cancellationToken = default)
    {
        var query = CrmQuery.Parse(name);
        if (query.Name.Length == 0)
        {
            return ToolResult.Refused("Who or which company should I look for?");
        }
        var contacts = await CrmLookup.ContactsAsync(db, query, cancellationToken);
        var companies = query.Company is null ? await CrmLookup.CompaniesAsync(db, query.Name, cancellationToken) : [];
        if (contacts.Count == 0 && companies.Count == 0)
        {
            return ToolResult.Refused($"I couldn't find a contact or company like \"{name.Trim()}\".");
        }
        var contactIds = contacts.ConvertAll(c => c.Id);
        var details = await db.Contacts.Where(c => contactIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new[] { c.Email, c.Phone }, cancellationToken);
        var companyIds = companies.ConvertAll(c => c.Id);
        var kinds = await db.Companies.Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Kind, cancellationToken);
        var people = await db.Contacts.Where(c => c.CompanyId != null && companyIds.Contains(c.CompanyId.Value))
            .GroupBy(c => c.CompanyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key!.Value, g => g.Count, cancellationToken);

        var lines = contacts.Select(c => $"• {c.Label}{Reach(details.GetValueOrDefault(c.Id))}")
            .Concat(companies.Select(c => $"• {c.Name} ({CrmText.Word(kinds[c.Id])}, {CrmText.Plural(people.GetValueOrDefault(c.Id), "contact")})"))
            .ToList();
        var heading = lines.Count == 1 ? "I found:" : $"I found {lines.Count} matches:";
        return new ToolResult($"{heading}\n{string.Join("\n", lines)}");
    }

    private static string Reach(string?[]? emailAndPhone)
    {
        var known = emailAndPhone?.Where(x => !string.IsNullOrWhiteSpace(x)).ToList() ?? [];
        return known.Count == 0 ? "" : $" ({string.Join(", ", known)})";
    }
}
