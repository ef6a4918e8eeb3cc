namespace OperatorOne.Skills.Tickets;

/// <summary>
/// Regex fragments shared by the tickets utterances. The recognizer has already trimmed the text, collapsed
/// whitespace and dropped trailing ?!. so patterns use single spaces; groups are named after tool parameters.
/// </summary>
internal static class TicketPhrases
{
    /// <summary>"12", "#12", "ticket 12", "ticket #12", "ticket number 12", "no. 12", and chat's "tix 12".</summary>
    public const string Number = @"(the )?((tickets?|tix) )?(number |no\.? ?)?(?<number>#?\d+)";

    /// <summary>A ticket named by number, or only "a ticket"/"the ticket"/"my ticket" so the number is asked for next.</summary>
    public const string Ref = $"({Number}|(a|the|my|one of my) (ticket|tix))";

    /// <summary>
    /// A remark after the request that is no part of it: "change the priority of #77 to low, it's not blocking anyone",
    /// "delete 880? someone opened it by mistake".
    /// </summary>
    public const string Aside = "(([,.;!?]| -| as| because| since| it(['’]?s| is| was)) .+)?";

    public const string Priority = "(?<priority>low|normal|high|urgent)";

    public const string Status = "(?<status>open|pending|resolved|closed)";

    /// <summary>What separates a verb phrase from free text: "open a ticket: …", "comment on 12 - …".</summary>
    public const string Colon = " ?[:\\-–] ?";

    /// <summary>"what's", "whats", "what is" (and the curly apostrophe phones type).</summary>
    public const string WhatIs = "what(['’]?s| is)";
}
