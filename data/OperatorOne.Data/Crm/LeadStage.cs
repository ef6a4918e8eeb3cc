namespace OperatorOne.Data.Crm;

/// <summary>New → Contacted → Qualified → Converted, or Lost at any point.</summary>
public enum LeadStage
{
    New,
    Contacted,
    Qualified,
    Converted,
    Lost,
}
