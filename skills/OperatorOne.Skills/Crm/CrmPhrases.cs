namespace OperatorOne.Skills.Crm;

/// <summary>Regex fragments shared by the CRM utterances; groups are named after tool parameters.</summary>
internal static class CrmPhrases
{
    public const string Stage = "(?<stage>new|contacted|qualified|converted|lost)";

    public const string DealStages = "(?<stage>prospecting|proposal|negotiation|won|lost)";

    public const string Colon = " ?[:\\-–] ?";

    /// <summary>"lead Jo Park", "the lead Initech", "Initech" — the lead's name.</summary>
    public const string LeadName = "(the )?(lead )?(?<lead>.+?)";
}
