using OperatorOne.Data.Crm;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Crm;

/// <summary>A small address book for one test organization: two Danas at two companies, and deals for "member".</summary>
internal sealed record CrmBook(Guid Acme, Guid Globex, Guid DanaLee, Guid DanaOrtiz)
{
    public static async Task<CrmBook> CreateAsync(BotHost host, TestOrganization org, DateOnly today)
    {
        var now = DateTimeOffset.UtcNow;
        var acme = new Company { Id = Guid.NewGuid(), OrganizationId = org.Id, Name = "Acme", Kind = CompanyKind.Customer, CreatedAt = now };
        var globex = new Company { Id = Guid.NewGuid(), OrganizationId = org.Id, Name = "Globex", Kind = CompanyKind.Prospect, CreatedAt = now };
        var lee = new Contact { Id = Guid.NewGuid(), OrganizationId = org.Id, CompanyId = acme.Id, FullName = "Dana Lee", Email = "dana@acme.test", CreatedAt = now };
        var ortiz = new Contact { Id = Guid.NewGuid(), OrganizationId = org.Id, CompanyId = globex.Id, FullName = "Dana Ortiz", CreatedAt = now };
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        await host.InOrganizationAsync(org.Id, db =>
        {
            db.AddRange(acme, globex, lee, ortiz);
            db.Deals.AddRange(
                Deal(org, "Acme laptops", acme.Id, org.Members["member"], 12_000m, "EUR", DealStage.Proposal, firstOfMonth.AddMonths(1).AddDays(-1)),
                Deal(org, "Globex support plan", globex.Id, org.Members["member"], 3_000m, "EUR", DealStage.Negotiation, firstOfMonth),
                Deal(org, "Globex next year", globex.Id, org.Members["member"], 50_000m, "EUR", DealStage.Proposal, firstOfMonth.AddMonths(2)),
                Deal(org, "Acme won deal", acme.Id, org.Members["member"], 9_000m, "USD", DealStage.Won, firstOfMonth),
                Deal(org, "Admin's deal", acme.Id, org.Members["admin"], 1_000m, "EUR", DealStage.Proposal, firstOfMonth));
            return db.SaveChangesAsync();
        });
        return new CrmBook(acme.Id, globex.Id, lee.Id, ortiz.Id);
    }

    private static Deal Deal(TestOrganization org, string name, Guid companyId, Guid ownerId, decimal value, string currency, DealStage stage, DateOnly close) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = org.Id,
        Name = name,
        CompanyId = companyId,
        OwnerId = ownerId,
        Value = value,
        Currency = currency,
        Stage = stage,
        ExpectedClose = close,
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
