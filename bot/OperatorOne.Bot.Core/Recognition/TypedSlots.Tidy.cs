using System.Text.RegularExpressions;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>A captured free-text value cleaned of the words around what it names.</summary>
internal static partial class TypedSlots
{
    /// <summary>
    /// A free-text value cleaned of what is not the thing named: a snake_case name inside a longer capture ("an http tool
    /// named price_check" → price_check), lead-in words ("let me see the VPN guide"), a trailing "please", and the kind
    /// of thing itself at either end ("the Globex lead" → Globex).
    /// </summary>
    public static string Tidy(RegisteredTool tool, string parameter, string value)
    {
        if (tool.ParameterSchema(parameter) is not { } schema || TypeOf(schema) != "string" || schema.TryGetProperty("enum", out _))
        {
            return value;
        }
        var description = schema.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        // "deny request 15" is reject, "read only" readOnly: a closed list's own word for what was said.
        if (ListedValueOf(description, value) is { } listed)
        {
            return listed;
        }
        if (IdentifierExample().IsMatch(description))
        {
            var names = Identifier().Matches(value);
            return names.Count == 1 ? names[0].Groups["v"].Value : value;
        }
        // Lead-in words are stripped only from what names a thing: a ticket title or a comment keeps the words as said.
        var tidy = Ends(tool, parameter, value);
        tidy = Named.Contains(parameter) ? LeadIn().Replace(tidy, "") : tidy;
        if (KnownNames.Prose.Contains(parameter))
        {
            // "um so the phone has no dial tone", "make a ticket for me my mic is dead", "raise an urgent one the door won't lock".
            tidy = Filler().Replace(tidy, "");
        }
        if (parameter == "title" && TrailingRequest().Replace(tidy, "") is { } asked && asked.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2)
        {
            // "the mailbox stopped getting emails since lunch can someone open a ticket": the request is not the problem.
            tidy = asked;
        }
        if (parameter is "query" or "keyword")
        {
            // "tickets that talk about invoices", "every ticket mentioning scanner", "a handbook section on holidays": what is searched for follows.
            tidy = QueryLeadIn().Match(tidy) is { Success: true } lead && tidy.Length > lead.Length ? tidy[lead.Length..] : tidy;
            tidy = TrailingScope().Replace(KindOfWords().Replace(tidy, ""), "");
            // "a rule: \"password reset\" should be low": the words in quotes are the ones meant.
            tidy = QuotedText().Match(tidy) is { Success: true } quoted ? quoted.Groups["v"].Value : tidy;
        }
        tidy = parameter == "phrasing" ? tidy : TrailingCourtesy().Replace(tidy, "");
        // "set my hours to 10am-6pm", "the zone to Berlin", "title: hiring plan": the value follows the parameter's own name.
        tidy = KnownNames.Prose.Contains(parameter) ? tidy : Regex.Replace(tidy, $@"^((my|our|his|her|their|its|the) )?(\w+ )?{Regex.Escape(parameter)}\s*(to|as|is|are|=|:|should be|should now be|is now|needs to be|must be)\s+(?=\S)", "", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (Named.Contains(parameter) && parameter != "query")
        {
            // "a guy called peter hollis", "the document called holiday rota 2025": the name follows "called"; "…who wants a quote" is about them.
            tidy = Called().Match(tidy) is { Success: true } called && tidy.Length > called.Length ? tidy[called.Length..] : tidy;
            tidy = Relative().Replace(tidy, "");
        }
        if (Person.Contains(parameter) || (parameter == "name" && description.Contains("person", StringComparison.OrdinalIgnoreCase)))
        {
            // "greg from the organization, he left", "Lena Brandt, works at…": one person's name ends at a comma or where they leave from.
            tidy = PersonEnd().Replace(tidy, "");
        }
        if (KnownNames.KindOf(tool, parameter) is { } kinds && kinds.Contains(NameKind.Member))
        {
            // "when's greg free tomorrow", "is victor free anytime friday": the question is not the name.
            tidy = FreeQuestion().Replace(tidy, "");
        }
        if (parameter == "document")
        {
            // "the returns procedure doc": the kind of thing, not its name.
            tidy = DocumentWord().Replace(tidy, "");
        }
        if (KindNames.Contains(parameter))
        {
            // "set the Umbrella lead back to new", "move the Oscorp lead on to qualified": the verb's particle follows the kind.
            tidy = Regex.Replace(tidy, $@"^(the )?{parameter}\s+|\s+{parameter}( (back|on|over|along|forward|ahead|up|down))?$", "", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
        return tidy.Trim().Length > 0 ? tidy.Trim() : value;
    }

    private static readonly HashSet<string> Named = new(StringComparer.Ordinal)
    {
        "document", "query", "lead", "deal", "company", "contact", "name", "member", "members", "assignee", "queue", "team",
    };

    /// <summary>What opens a message before the matter itself: "um so", "hi", "Manager here -", "I'm calling to report", "for me pls,".</summary>
    [GeneratedRegex(@"^((um+|uh+|erm|er|hmm+|well|so|ok so|okay so|yeah|hi|hey|hello|hiya|howdy|good (morning|afternoon|evening)|there|(hi|hey|hello) (all|team|everyone)|bot|\w+ here ?[-–:]|(i'?m|i am) (calling|writing|messaging|reaching out|contacting you) (to report|about|because|to say|to let you know)( that)?|(i )?(just )?(want|wanted|need|needed|'d like|would like) to (report|let you know|say)( that)?|(for )?me,? (pls|please|plz))[,!. ]+)+|^(me|one),? (?=(the|my|a|an|our|his|her|their|this|that|these|those) )",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    /// <summary>
    /// A request said after the problem: "…, can someone open a ticket", "… can you do it today", ". please log it",
    /// ", look at it today", "its urgent"; it begins at a break or with the asking words themselves, never at the title's start.
    /// </summary>
    [GeneratedRegex(@"(?<=\S)([\s,.;:!\-–]+(and |so )?((can|could|would|will) (you|u|someone|somebody|anyone|one of you|we|i)( please| pls)?|(please|pls|plz|kindly)|(some ?one|somebody|anyone)( please| pls)?|(i|we) need (you|someone) to) (open|raise|log|make|create|file|submit|put|report|ticket|do|fix|sort|look|check|help|get|send)\b[^.!?]*|[\s,.;:!\-–]+(please |pls )?(log|ticket|raise|report|file) (it|this|that)\b[^.!?]*|[,.;:!\-–]+\s*(please |pls )?(get|look at|have a look at|sort|fix|check|handle|deal with) (it|this|that)\b[^.!?]*|[\s,.;:!\-–]+(its|it's|it is) (really |very |super )?(urgent|important|critical)\b[^.!?]*)[.!?]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingRequest();

    [GeneratedRegex(@"^(when'?s|whens|when is|when are|is|are|where|when)\s+(?=\S)|\s+(is |are )?(free|available|around)\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FreeQuestion();

    /// <summary>Parameters that hold one person's name, never a list.</summary>
    private static readonly HashSet<string> Person = new(StringComparer.Ordinal) { "member", "assignee", "owner", "contact" };

    [GeneratedRegex(@"(\s*,.*|\s+from (the|our|this) (organi[sz]ation|org|company|workspace|bot|system|team)\b.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonEnd();

    [GeneratedRegex(@"^.*?\b(there'?s |there is |i met )?(a|an|this|some) (guy|woman|man|lady|person|girl|company|firm|client|customer|document|doc|file|deal|lead|team|queue)( called| named)?\s+(?=\S)|^.*?\b(called|named)\s+(?=\S)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Called();

    /// <summary>Where a clause about the one named begins: "sofia from nordic print who wants a quote", "peter hollis at the trade show".</summary>
    [GeneratedRegex(@"(?<=\S)\s+(who|which|that|at the|in the)\s.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Relative();

    [GeneratedRegex(@"(?<=\S)\s+(doc|document|file)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DocumentWord();

    private static readonly HashSet<string> KindNames = new(StringComparer.Ordinal) { "lead", "deal", "company", "contact", "queue", "team" };

    [GeneratedRegex(@"^(called|named|for|let me see|can i see|could i see|i'd like to see|i want to see|see|something (about|on)|anything (about|on)|info(rmation)? (on|about)|details (of|for)|(i'm |i am )?looking for( info(rmation)? (on|about))?|know anyone at|(who'?s |who is )?(our|the|a) (contact|person|someone|anyone) (at|from)|((i|we)'?ve |(i|we) (have |just )?)(called|emailed|phoned|met( with)?|spoke (to|with)|talked (to|with)))\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"^.*\b((?<!\bsay )about|mentions?|mentioning|regarding|concerning|containing|with the words?|that (says?|contains?)|(documents?|docs?|section|policy|guide|tickets?|anything|something|info|information) on)\s+(?=\S)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryLeadIn();

    /// <summary>"word ransomware", "the phrase late payment": the kind of words before the words searched for.</summary>
    [GeneratedRegex(@"^(the )?((key)?words?|phrase|term)\s+(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KindOfWords();

    [GeneratedRegex(@"\s+in (the |our )?(tickets|documents|docs|them|it)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingScope();

    [GeneratedRegex(@"[\s,]+(please|pls|plz|thanks|thank you)[.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingCourtesy();
}
