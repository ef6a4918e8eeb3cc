using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Crm;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Crm;

/// <summary>Organization B can neither read nor change organization A's CRM rows, table by table.</summary>
[Collection(BotCollection.Name)]
public sealed class CrmRowLevelSecurityTests(BotHost host)
{
    public static TheoryData<string> Tables => ["companies", "contacts", "leads", "deals", "crm_activities"];

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task AnotherOrganizationCannotReadUpdateOrDeleteTheRows(string table)
    {
        var a = await TestOrganization.CreateAsync(host);
        var b = await TestOrganization.CreateAsync(host);
        var rows = await SeedAsync(a);
        var id = rows[table];

        Assert.Equal(0, await host.InOrganizationAsync(b.Id, db => Set(db, table).CountAsync(x => x == id)));
        // The table name comes from the fixed list above, never from input.
        var update = "UPDATE " + table + " SET organization_id = organization_id WHERE id = {0}";
        var delete = "DELETE FROM " + table + " WHERE id = {0}";
        Assert.Equal(0, await host.InOrganizationAsync(b.Id, db => db.Database.ExecuteSqlRawAsync(update, id)));
        Assert.Equal(0, await host.InOrganizationAsync(b.Id, db => db.Database.ExecuteSqlRawAsync(delete, id)));
        Assert.Equal(1, await host.InOrganizationAsync(a.Id, db => Set(db, table).CountAsync(x => x == id)));
    }

    [Fact]
    public async Task AnotherOrganizationCannotPlantACompanyInTheFirst()
    {
        var a = await TestOrganization.CreateAsync(host);
        var b = await TestOrganization.CreateAsync(host);

        await Assert.ThrowsAsync<DbUpdateException>(() => host.InOrganizationAsync(b.Id, db =>
        {
            db.Companies.Add(new Company { Id = Guid.NewGuid(), OrganizationId = a.Id, Name = "Planted", CreatedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        }));
        Assert.False(await host.InOrganizationAsync(a.Id, db => db.Companies.AnyAsync(c => c.Name == "Planted")));
    }

    [Fact]
    public async Task FuzzyLookUpsNeverReachAnotherOrganizationsNames()
    {
        var a = await TestOrganization.CreateAsync(host);
        var b = await TestOrganization.CreateAsync(host);
        await SeedAsync(a);
        using var chat = await Chat.StartAsync(host, b, "member");

        await chat.Send("find Wile Coyote");
        await chat.ExpectReply("couldn't find");
    }

    private static IQueryable<Guid> Set(OperatorOneDb db, string table) => table switch
    {
        "companies" => db.Companies.Select(x => x.Id),
        "contacts" => db.Contacts.Select(x => x.Id),
        "leads" => db.Leads.Select(x => x.Id),
        "deals" => db.Deals.Select(x => x.Id),
        _ => db.CrmActivities.Select(x => x.Id),
    };

    private async Task<Dictionary<string, Guid>> SeedAsync(TestOrganization org)
    {
        var now = DateTimeOffset.UtcNow;
        var company = new Company { Id = Guid.NewGuid(), OrganizationId = org.Id, Name = "Acme Roadrunner Supplies", CreatedAt = now };
        var contact = new Contact { Id = Guid.NewGuid(), OrganizationId = org.Id, CompanyId = company.Id, FullName = "Wile Coyote", CreatedAt = now };
        var lead = new Lead { Id = Guid.NewGuid(), OrganizationId = org.Id, Name = "Road Runner", CreatedAt = now, UpdatedAt = now };
        var deal = new Deal { Id = Guid.NewGuid(), OrganizationId = org.Id, Name = "Rockets", Currency = "USD", Value = 10m, ExpectedClose = DateOnly.FromDateTime(now.UtcDateTime), CreatedAt = now };
        var activity = new CrmActivity { Id = Guid.NewGuid(), OrganizationId = org.Id, Kind = CrmActivityKind.Note, Summary = "beep beep", ContactId = contact.Id, OccurredAt = now };
        await host.InOrganizationAsync(org.Id, db =>
        {
            db.AddRange(company, contact, lead, deal, activity);
            return db.SaveChangesAsync();
        });
        return new() { ["companies"] = company.Id, ["contacts"] = contact.Id, ["leads"] = lead.Id, ["deals"] = deal.Id, ["crm_activities"] = activity.Id };
    }
}
