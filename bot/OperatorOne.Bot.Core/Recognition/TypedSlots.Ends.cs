using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>Where a captured value ends: the words said after it that are not it.</summary>
internal static partial class TypedSlots
{
    /// <summary>
    /// A value without what was said around it for every tool at once: quotes around the whole of it ("'Acme renewal'"),
    /// an arrow pointing at the next value ("Fjord Outdoor -> contacted"); and, for what names a thing rather than a
    /// person's own words, the reason said after a comma ("Kestrel Data, they closed down"), where it is kept
    /// ("… from the CRM"), a question's end ("the Xero sync error? look through the tickets") and an owner's "'s".
    /// </summary>
    private static string Ends(RegisteredTool tool, string parameter, string value)
    {
        // "the TV in the break room has no signal:", ": happens only on the 3rd floor": the punctuation that joined it to the command.
        var tidy = Joints().Replace(Arrow().Replace(value.Trim(), ""), "");
        if (!KnownNames.Prose.Contains(parameter))
        {
            // Where the tool takes a person's own words too ("had a meeting with Acme, demo went well"), the clause is theirs to fill.
            tidy = tool.ParameterNames.Any(KnownNames.Prose.Contains) ? tidy : Reason().Replace(tidy, "");
            tidy = Kept().Replace(tidy, "");
            tidy = (Owners.Contains(parameter) ? OwnersName() : OwnersThing()).Replace(tidy, "");
            // "ada's and mia's calendars": in a list of people each owner's "'s" and the calendars they own go.
            tidy = People.Contains(parameter) ? ListOwners().Replace(tidy, "") : tidy;
            tidy = QuotedName().Match(tidy) is { Success: true } quoted ? quoted.Groups["v"].Value : tidy;
        }
        // "'Q1 planning'", "\"can you send a screenshot?\"": quotes around all of it only mark where it begins and ends.
        return WhollyQuoted().Match(tidy) is { Success: true } whole ? whole.Groups["v"].Value : tidy;
    }

    [GeneratedRegex(@"^[\s:;,\-–]+(?=\S)|(?<=\S)[\s:;,\-–]+$")]
    private static partial Regex Joints();

    [GeneratedRegex(@"^\s*(->|-->|=>|→)\s*|\s*(->|-->|=>|→)\s*$")]
    private static partial Regex Arrow();

    /// <summary>
    /// ", they closed down", ", she left", ", it's out of date", ", Lars is sick", ", something came up", "? look through the
    /// tickets", ", update my hours": a clause of its own after the value.
    /// </summary>
    [GeneratedRegex(@"(?<=\S)(\s*,\s+((they|she|he|it|we|i|you)('\w+)?|theyre|shes|hes|its|im|ive|because|cause|cos|coz|since|as|so|something|someone|everyone|nobody|\w+ (is|are|was|were|has|had|got|went|left|quit|said|says|wants|needs)|(please |pls )?(update|change|set|fix|add|remove|delete|make|put|move|mark|cancel|decline|accept) (it|them|that|this|my|his|her|their|the)|no (longer|need)|not needed|thanks|thank you)\b.*|\?\s+\w.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reason();

    /// <summary>"Sunrise Bakeries from the CRM": where the record is kept is not its name.</summary>
    [GeneratedRegex(@"(?<=\S)\s+(from|in|out of|off) (the|our|my) (crm|system|database|workspace|records?|list|address book)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Kept();

    /// <summary>Parameters naming a person (or a lead, often one): "turn Emeka Obi's lead into a customer" is Emeka Obi's.</summary>
    private static readonly HashSet<string> Owners = new(StringComparer.Ordinal) { "lead", "contact", "member", "assignee", "owner", "with" };

    [GeneratedRegex(@"(?<=\w)['’]s( (lead|deal|contact|record|event|meeting|calendar|email|phone|number|stage|name|title|details|account))*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnersName();

    /// <summary>Parameters holding several people at once.</summary>
    private static readonly HashSet<string> People = new(StringComparer.Ordinal) { "members", "attendees" };

    [GeneratedRegex(@"(?<=\w)['’]s\b( (calendars?|schedules?|diar(y|ies)|agendas?))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListOwners();

    /// <summary>"Emeka Obi's lead stage": the owner is the name, the kind and field after it are not; a company's own "'s" (Macy's) stays.</summary>
    [GeneratedRegex(@"(?<=\w)['’]s( (lead|deal|contact|record|event|meeting|calendar|email|phone|number|stage|name|title|details|account))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnersThing();

    /// <summary>"the tag 'it'", "'badge reader' in them": a name said in quotes among other words is the words in quotes.</summary>
    [GeneratedRegex(@"^(the (\w+ ){0,2})?['‘""“](?<v>[^'’‘""“”]+)['’""”]( [a-z]+){0,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"^['‘""“](?<v>[^'‘’""“”]+)['’""”]$")]
    private static partial Regex WhollyQuoted();
}
