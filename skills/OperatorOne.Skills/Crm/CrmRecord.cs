namespace OperatorOne.Skills.Crm;

internal enum CrmRecordKind
{
    Contact,
    Company,
    Lead,
    Deal,
}

/// <summary>One fuzzy hit: a contact, company, lead or deal, with its company for telling namesakes apart.</summary>
internal sealed record CrmRecord(CrmRecordKind Kind, Guid Id, string Name, string? CompanyName, Guid? CompanyId, double Score)
{
    /// <summary>"Dana Lee at Acme": what a person would say to pick this one.</summary>
    public string Label => CompanyName is null || CompanyName == Name ? Name : $"{Name} at {CompanyName}";
}
