namespace OperatorOne.Data.Crm;

public enum CrmActivityKind
{
    Call,
    Email,
    Meeting,
    Note,
}
