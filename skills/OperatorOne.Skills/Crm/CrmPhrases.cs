namespace OperatorOne.Skills.Crm;

/// <summary>Regex fragments shared by the CRM utterances; groups are named after tool parameters.</summary>
internal static class CrmPhrases
{
    public const string Stage = "(?<stage>new|contacted|qualified|converted|lost)";

    public const string DealStages = "(?<stage>prospecting|proposal|negotiation|won|lost)";

    public const string Colon = " ?[:\\-–] ?";

    private const string Ordinal = "(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|(twenty|thirty)[ -](first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))";

    /// <summary>A day of a month said as a speech recognizer writes it: "the thirtieth of january", "february twenty eighth".</summary>
    public const string SpokenDay = $"((the )?{Ordinal}( of)? [a-z]+|[a-z]+ (the )?{Ordinal})";

    /// <summary>", they closed down", ", she left", ", they said yes": why, said after the record is named; not part of its name.</summary>
    public const string Aside = "(, (they|she|he|we|it)\\b.+)?";

    /// <summary>Sentences of context before the ask ("We're quoting Harvest Kitchens for their canteen. Add a deal …").</summary>
    public const string Context = "([^.!?]+[.!?] )+";

    /// <summary>"lead Jo Park", "the lead Initech", "the Initech lead", "Initech" — the lead's name, without the word "lead".</summary>
    public const string LeadName = "(the )?(lead )?(?<lead>.+?)( lead)?";
}
