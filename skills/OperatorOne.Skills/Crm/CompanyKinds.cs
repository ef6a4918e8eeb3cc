using OperatorOne.Data.Crm;

namespace OperatorOne.Skills.Crm;

/// <summary>The words people use for a company's relation to us.</summary>
internal static class CompanyKinds
{
    /// <summary>Null words mean a prospect; unknown words are null.</summary>
    public static CompanyKind? Read(string? word) => (word ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "prospect" or "lead" => CompanyKind.Prospect,
        "customer" or "client" => CompanyKind.Customer,
        "vendor" or "supplier" => CompanyKind.Vendor,
        "partner" => CompanyKind.Partner,
        _ => null,
    };

    public static string Article(CompanyKind kind) => kind == CompanyKind.Prospect ? "a prospect" : $"a {CrmText.Word(kind)}";
}
