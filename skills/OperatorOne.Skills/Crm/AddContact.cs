using System.ComponentModel;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Crm;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Crm;

/// <summary>Adds a person to the CRM, at their company (found, or added as a prospect), with an email and phone if given.</summary>
internal static class AddContact
{
    /// <summary>
    /// What follows the name, in any order: an email, a phone, and where they work ("company Greenleaf", "works at Hooli",
    /// "he's at Anatolia Textiles", "she's head of procurement at Volta Foods").
    /// </summary>
    private const string Details = "(,? ((e-?mail:? )?(?<email>[^ ,]+@[^ ,]+)|(phone:? |tel:? |mobile:? |number:? )?(?<phone>\\+?\\d[\\d ()./-]{4,}\\d)|" + WorksAt + "))*";

    private const string WorksAt = "(company:? |(who |he |she |they )?works (at|for) |(he|she|they)(['’]s| is| are) ([a-z]+ ){0,4}(at|with|from) )(?<company>[^,]+?)";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "add_contact",
        Description = "Add a contact person to the CRM",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "add a contact: Dana Lee at Acme, dana@acme.example, +1 555 0100", "new contact Sam Reed at Hooli";
            // "Jo Park from Initech" is a name the way the name parameter takes it, so "from" stays in it.
            Utterance.Of($"(please )?(add|create|record|enter|save|new)( a| an| another)?( new)? (contact|person|customer contact)( ?[:\\-–] ?| called | named | )(?<name>.+?)( (at|of|with) (?<company>[^,]+?))?{Details}"),
            // "save Lena Fox as a contact", "please save Mehmet Yilmaz in the CRM, he's at Anatolia Textiles"
            Utterance.Of($"(please )?(add|save|put) (?<name>[^,(]+?)( (at|of) (?<company>[^,(]+?))?( \\((?<email>[^ ,()]+@[^ ,()]+)\\))? (as|to|in|into) (a )?(new )?(contact|my contacts|the contacts|the crm)( as a contact)?{Details}"),
            Utterance.Of("(add|create) (a|an) (new )?contact"),
        ],
        Prompts = new Dictionary<string, string> { ["name"] = "Who? A name, and the company if you know it (\"Dana Lee from Acme\")." },
        HelpExample = "add a contact: Sam Reed from Hooli, sam@hooli.example",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("The person's full name, optionally 'name from company'.")] string name,
        [Description("Their company, when not given in the name.")] string? company = null,
        [Description("Their email address.")] string? email = null,
        [Description("Their phone number.")] string? phone = null,
        CancellationToken cancellationToken = default)
    {
        var query = CrmQuery.Parse(name);
        var person = query.Name;
        var companyName = company ?? query.Company;
        if (ContactRules.Problem(person, email, phone) is { } problem)
        {
            return ToolResult.Refused(problem);
        }
        Company? at = null;
        var created = false;
        if (!string.IsNullOrWhiteSpace(companyName))
        {
            (at, created, var companyProblem) = await CrmCompanies.FindOrAddAsync(db, organization, clock.GetUtcNow(), companyName, cancellationToken);
            if (companyProblem is not null)
            {
                return companyProblem;
            }
        }
        var companyId = at?.Id;
        var namesakes = await CrmLookup.ContactsAsync(db, new CrmQuery(person, null), cancellationToken);
        if (namesakes.Exists(c => c.CompanyId == companyId && string.Equals(c.Name, person, StringComparison.OrdinalIgnoreCase)))
        {
            return ToolResult.Refused($"{person}{(at is null ? "" : $" at {at.Name}")} is already a contact.");
        }
        db.Contacts.Add(new Contact
        {
            Id = Guid.NewGuid(),
            OrganizationId = organization.Id,
            CompanyId = companyId,
            FullName = person,
            Email = ContactRules.Clean(email),
            Phone = ContactRules.Clean(phone),
            CreatedAt = clock.GetUtcNow(),
        });
        var where = at is null ? "" : created ? $" at {at.Name} (a new prospect company)" : $" at {at.Name}";
        var reach = string.Join(", ", new[] { ContactRules.Clean(email), ContactRules.Clean(phone) }.OfType<string>());
        return new ToolResult($"Added contact {person}{where}{(reach.Length == 0 ? "" : $" ({reach})")}.");
    }
}
