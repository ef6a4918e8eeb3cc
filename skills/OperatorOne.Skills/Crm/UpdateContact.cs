using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Crm;

/// <summary>Changes a contact's email, phone, company or name.</summary>
internal static class UpdateContact
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "update_contact",
        Description = "Change a contact's email, phone, company or name",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "set Dana Lee's email to dana@acme.example", "change the phone of Jo Park to +1 555 0199"
            Utterance.Of("(please )?(set|change|update) (?<contact>.+?)['’]s (email|e-mail|email address) to (?<email>[^ ]+@[^ ]+)"),
            Utterance.Of("(please )?(set|change|update) (the )?(email|e-mail|email address) (of|for) (the contact )?(?<contact>.+?) to (?<email>[^ ]+@[^ ]+)"),
            Utterance.Of("(please )?(set|change|update) (?<contact>.+?)['’]s (phone|phone number|number|mobile) to (?<phone>\\+?\\d[\\d ()./-]{4,}\\d)"),
            Utterance.Of("(please )?(set|change|update) (the )?(phone|phone number|number|mobile) (of|for) (the contact )?(?<contact>.+?) to (?<phone>\\+?\\d[\\d ()./-]{4,}\\d)"),
            // "Dana Lee now works at Globex", "move contact Dana Lee to Globex"
            Utterance.Of("(the contact )?(?<contact>.+?) (now works|works now|has joined|now is) (at|for|with)? (?<company>.+)"),
            // "Grace Mensah now works at Accra Fresh and her email is grace@accrafresh.com, can you update her?"
            Utterance.Of("(the contact )?(?<contact>.+?) (now works|works now|has joined|now is) (at|for|with)? (?<company>.+?),? and (his|her|their) (new )?(email|e-mail)( address)? is (now )?(?<email>[^ ,]+@[^ ,]+)(,? (can you |could you |please )?(update|change|fix) (him|her|them|it)( in the crm)?)?"),
            // "change contact Omar Haddad email to omar@haddad.example", "remove the phone number for contact Thi Nguyen"
            Utterance.Of("(please )?(set|change|update) (the )?contact (?<contact>.+?)(['’]s)? (email|e-mail|email address) to (?<email>[^ ]+@[^ ]+)"),
            Utterance.Of("(please )?(set|change|update) (the )?contact (?<contact>.+?)(['’]s)? (phone|phone number|number|mobile) to (?<phone>\\+?\\d[\\d ()./-]{4,}\\d)"),
            Utterance.Of("(please )?(remove|delete|clear|drop) (the )?(phone|phone number|number|mobile)( number)? (of|for|from) (the )?(contact )?(?<contact>.+)", new Dictionary<string, string> { ["phone"] = "none" }),
            Utterance.Of("(please )?(remove|delete|clear|drop) (the )?(email|e-mail|email address)( address)? (of|for|from) (the )?(contact )?(?<contact>.+)", new Dictionary<string, string> { ["email"] = "none" }),
            // "fix the spelling on contact Jon Smyth, it's Jonathan Smythe", "rename contact Jon Smyth to Jonathan Smythe"
            Utterance.Of("(please )?(fix|correct) the (spelling|name) (on|of|for) (the )?contact (?<contact>.+?),? (it['’]s|it is|should be|to) (?<name>.+)"),
            Utterance.Of("(please )?rename (the )?contact (?<contact>.+?) (to|as) (?<name>.+)"),
            // "pedro alvarez moved to sunrise bakeries, update his company"
            Utterance.Of("(?!(i|we|i've|we've|i have|we have) )(?!.*\\b(meeting|event|call|sync|standup|review|demo|ticket|deal|lead|appointment|order)s?\\b|.* to (\\d|next|this|tomorrow|today|mon|tue|wed|thu|fri|sat|sun))(the contact )?(?<contact>.+?) (has )?(moved|switched|gone|went) to (?<company>[^,/]+?)(,? (please )?(update|change|fix) (him|her|them|his|their)( (company|details|contact|record))?)?"),
            // "Kwame from Brightwave has a new number: 07700 900456"
            Utterance.Of("(the contact )?(?<contact>.+?) (has|got) a new (phone|phone number|number|mobile)( number)?:? (?<phone>\\+?\\d[\\d ()./-]{4,}\\d)"),
            Utterance.Of("(the contact )?(?<contact>.+?) (has|got) a new (email|e-mail)( address)?:? (?<email>[^ ]+@[^ ]+)"),
            Utterance.Of("(please )?(move|change) (the )?contact (?<contact>.+?) to (the company )?(?<company>.+)"),
            Utterance.Of("(please )?(update|edit|change) (the )?contact (?<contact>.+)"),
        ],
        Prompts = new Dictionary<string, string> { ["contact"] = "Which contact? A name, like 'Dana from Acme'." },
        HelpExample = "set Dana Lee's email to dana.lee@acme.example",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("The contact: 'Dana Lee' or 'Dana from Acme'.")] string contact,
        [Description("The new email address; 'none' to clear it.")] string? email = null,
        [Description("The new phone number; 'none' to clear it.")] string? phone = null,
        [Description("The company they now work at.")] string? company = null,
        [Description("Their corrected full name.")] string? name = null,
        CancellationToken cancellationToken = default)
    {
        if (email is null && phone is null && company is null && name is null)
        {
            return ToolResult.Ask("email", "What should change? Tell me the new email address (or say the phone, company or name to change).", []);
        }
        var query = CrmQuery.Parse(contact);
        var match = CrmMatch.Decide(query, await CrmLookup.ContactsAsync(db, query, cancellationToken));
        if (CrmMatch.Problem(match, "contact", query, "a contact") is { } problem)
        {
            return problem;
        }
        var found = ((CrmMatch.One)match).Record;
        var row = await db.Contacts.SingleAsync(c => c.Id == found.Id, cancellationToken);
        var newEmail = email is null ? row.Email : Cleared(email);
        var newPhone = phone is null ? row.Phone : Cleared(phone);
        if (ContactRules.Problem(name ?? row.FullName, newEmail, newPhone) is { } invalid)
        {
            return ToolResult.Refused(invalid);
        }
        var changes = new List<string>();
        if (email is not null)
        {
            row.Email = newEmail;
            changes.Add(newEmail is null ? "email removed" : $"email {newEmail}");
        }
        if (phone is not null)
        {
            row.Phone = newPhone;
            changes.Add(newPhone is null ? "phone removed" : $"phone {newPhone}");
        }
        if (company is not null)
        {
            var (at, created, companyProblem) = await CrmCompanies.FindOrAddAsync(db, organization, clock.GetUtcNow(), company, cancellationToken);
            if (companyProblem is not null)
            {
                return companyProblem;
            }
            row.CompanyId = at!.Id;
            changes.Add($"now at {at.Name}{(created ? " (a new prospect company)" : "")}");
        }
        if (name is not null)
        {
            row.FullName = name.Trim();
            changes.Add($"renamed to {row.FullName}");
        }
        return new ToolResult($"Updated contact {found.Label}: {string.Join(", ", changes)}.");
    }

    private static string? Cleared(string value) =>
        value.Trim().ToLowerInvariant() is "none" or "nothing" or "clear" or "remove" ? null : ContactRules.Clean(value);
}
