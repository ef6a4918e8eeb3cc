using OperatorOne.Data;
using OperatorOne.Data.Crm;

namespace OperatorOne.Bot.Hosting.Demo;

/// <summary>
/// Companies (Acme a customer, Initech and Globex prospects, Staples a vendor), contacts (Dana Lee at Acme, Priya Shah at
/// Globex, Tom Baker at Initech), leads (Jo Park from Initech, Sara Cole from Wayne Enterprises) and deals in every stage;
/// Mia's Acme renewal and Initech pilot close this month, so "my deals closing this month" has an answer.
/// </summary>
internal static class DemoCrm
{
    public static void Add(OperatorOneDb db, DemoTenant tenant, DemoPeople people, DateTimeOffset now)
    {
        var organization = tenant.OrganizationId;
        Company Company(string name, CompanyKind kind)
        {
            var company = new Company { Id = Guid.NewGuid(), OrganizationId = organization, Name = name, Kind = kind, CreatedAt = now.AddDays(-30) };
            db.Companies.Add(company);
            return company;
        }
        var acme = Company("Acme", CompanyKind.Customer);
        var initech = Company("Initech", CompanyKind.Prospect);
        var globex = Company("Globex", CompanyKind.Prospect);
        Company("Staples", CompanyKind.Vendor);

        Contact Contact(string name, Company at, string email, string phone)
        {
            var contact = new Contact { Id = Guid.NewGuid(), OrganizationId = organization, CompanyId = at.Id, FullName = name, Email = email, Phone = phone, CreatedAt = now.AddDays(-20) };
            db.Contacts.Add(contact);
            return contact;
        }
        var dana = Contact("Dana Lee", acme, "dana.lee@acme.example", "+1 555 0100");
        Contact("Priya Shah", globex, "priya@globex.example", "+1 555 0140");
        Contact("Tom Baker", initech, "tom.baker@initech.example", "+1 555 0170");

        db.Leads.Add(new Lead { Id = Guid.NewGuid(), OrganizationId = organization, Name = "Jo Park", CompanyName = "Initech", OwnerId = people["member"], CreatedAt = now.AddDays(-5), UpdatedAt = now.AddDays(-5) });
        db.Leads.Add(new Lead { Id = Guid.NewGuid(), OrganizationId = organization, Name = "Sara Cole", CompanyName = "Wayne Enterprises", Stage = LeadStage.Contacted, OwnerId = people["member"], CreatedAt = now.AddDays(-8), UpdatedAt = now.AddDays(-3) });

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var endOfMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);
        Deal Deal(string name, Company at, string owner, decimal value, DealStage stage, DateOnly closes)
        {
            var deal = new Deal
            {
                Id = Guid.NewGuid(), OrganizationId = organization, Name = name, CompanyId = at.Id, OwnerId = people[owner],
                Value = value, Currency = "EUR", Stage = stage, ExpectedClose = closes, CreatedAt = now.AddDays(-14),
            };
            db.Deals.Add(deal);
            return deal;
        }
        var renewal = Deal("Acme renewal", acme, "member", 12_000m, DealStage.Proposal, endOfMonth);
        Deal("Initech pilot", initech, "member", 5_000m, DealStage.Prospecting, endOfMonth);
        Deal("Acme office chairs", acme, "owner", 30_000m, DealStage.Negotiation, endOfMonth.AddMonths(2));
        Deal("Globex paper supply", globex, "owner", 8_500m, DealStage.Won, today.AddDays(-10));

        db.CrmActivities.Add(new CrmActivity
        {
            Id = Guid.NewGuid(), OrganizationId = organization, Kind = CrmActivityKind.Call, Summary = "Wants the renewal quote by Friday",
            CompanyId = acme.Id, ContactId = dana.Id, DealId = renewal.Id, MemberId = people["member"], OccurredAt = now.AddDays(-2),
        });
    }
}
