namespace OperatorOne.Data.Crm;

public enum CompanyKind
{
    Prospect,
    Customer,
    Vendor,
    Partner,
}
