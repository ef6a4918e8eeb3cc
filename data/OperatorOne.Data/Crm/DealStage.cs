namespace OperatorOne.Data.Crm;

public enum DealStage
{
    Prospecting,
    Proposal,
    Negotiation,
    Won,
    Lost,
}
