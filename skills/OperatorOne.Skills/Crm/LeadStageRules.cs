using OperatorOne.Data.Crm;

namespace OperatorOne.Skills.Crm;

/// <summary>Which stage changes a plain move may make; converting has its own approved tool.</summary>
internal static class LeadStageRules
{
    public static string? Problem(string lead, LeadStage from, LeadStage to) => (from, to) switch
    {
        (LeadStage.Converted, _) => $"{lead} is already converted to a customer.",
        (_, LeadStage.Converted) => $"Converting a lead needs approval: say \"convert lead {lead}\".",
        _ when from == to => $"{lead} is already {CrmText.Word(to)}.",
        _ => null,
    };
}
