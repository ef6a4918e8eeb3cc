using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.ServiceDesk;
using OperatorOne.Data.Tickets;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.ServiceDesk;

/// <summary>Each service desk table: organization B can neither read, change, delete nor plant organization A's rows.</summary>
[Collection(BotCollection.Name)]
public sealed class ServiceDeskRowLevelSecurityTests(BotHost host)
{
    [Fact]
    public async Task AnotherOrganizationCannotReadOrChangeQueuesMembersCategoriesRulesPoliciesHoursOrHolidays()
    {
        var a = await TestOrganization.CreateAsync(host);
        var b = await TestOrganization.CreateAsync(host);
        var queue = Guid.NewGuid();
        await AddAsync(a, db =>
        {
            db.SupportQueues.Add(new SupportQueue { Id = queue, OrganizationId = a.Id, Name = "IT" });
            db.QueueMembers.Add(new QueueMember { Id = Guid.NewGuid(), OrganizationId = a.Id, QueueId = queue, MemberId = a.Members["member"] });
            db.TicketCategories.Add(new TicketCategory { Id = Guid.NewGuid(), OrganizationId = a.Id, Name = "network", QueueId = queue, Keywords = ["vpn"] });
            db.PriorityRules.Add(new PriorityRule { Id = Guid.NewGuid(), OrganizationId = a.Id, Keyword = "outage", Priority = TicketPriority.Urgent });
            db.SlaPolicies.Add(new SlaPolicy { Id = Guid.NewGuid(), OrganizationId = a.Id, Priority = TicketPriority.High, FirstResponse = TimeSpan.FromHours(1), Resolution = TimeSpan.FromHours(8) });
            db.BusinessHours.Add(new BusinessHours { OrganizationId = a.Id, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(17, 0), WorkDays = 0b011_1110 });
            db.Holidays.Add(new Holiday { Id = Guid.NewGuid(), OrganizationId = a.Id, Date = new DateOnly(2026, 12, 25), Name = "Christmas" });
        });

        await AssertIsolatedAsync<SupportQueue>(a, b);
        await AssertIsolatedAsync<QueueMember>(a, b);
        await AssertIsolatedAsync<TicketCategory>(a, b);
        await AssertIsolatedAsync<PriorityRule>(a, b);
        await AssertIsolatedAsync<SlaPolicy>(a, b);
        await AssertIsolatedAsync<BusinessHours>(a, b);
        await AssertIsolatedAsync<Holiday>(a, b);
    }

    [Fact]
    public async Task AnotherOrganizationCannotReadOrChangeTicketSlasOrSlaNotices()
    {
        var a = await TestOrganization.CreateAsync(host);
        var b = await TestOrganization.CreateAsync(host);
        var ticket = Guid.NewGuid();
        await AddAsync(a, db =>
        {
            db.Tickets.Add(new Ticket { Id = ticket, OrganizationId = a.Id, Number = 1, Title = "A's ticket", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            db.TicketSlas.Add(new TicketSla { TicketId = ticket, OrganizationId = a.Id, ResolutionDueAt = DateTimeOffset.UtcNow });
            db.SlaNotices.Add(new SlaNotice { Id = Guid.NewGuid(), OrganizationId = a.Id, TicketId = ticket, Target = "resolution", Threshold = "warning" });
        });

        await AssertIsolatedAsync<TicketSla>(a, b);
        await AssertIsolatedAsync<SlaNotice>(a, b);
    }

    [Fact]
    public async Task PlantingAServiceDeskRowForAnotherOrganizationIsRefused()
    {
        var a = await TestOrganization.CreateAsync(host);
        var b = await TestOrganization.CreateAsync(host);

        await Assert.ThrowsAsync<DbUpdateException>(() => AddAsync(b, db =>
            db.SupportQueues.Add(new SupportQueue { Id = Guid.NewGuid(), OrganizationId = a.Id, Name = "planted" })));
        await Assert.ThrowsAsync<DbUpdateException>(() => AddAsync(b, db =>
            db.Holidays.Add(new Holiday { Id = Guid.NewGuid(), OrganizationId = a.Id, Date = new DateOnly(2026, 1, 1), Name = "planted" })));
    }

    private async Task AddAsync(TestOrganization organization, Action<OperatorOneDb> add) =>
        await host.InOrganizationAsync(organization.Id, db =>
        {
            add(db);
            return db.SaveChangesAsync();
        });

    /// <summary>B sees none of A's rows, and its updates and deletes touch none of them; A still has its row.</summary>
    private async Task AssertIsolatedAsync<T>(TestOrganization a, TestOrganization b) where T : class
    {
        var seenByB = await host.InOrganizationAsync(b.Id, db => db.Set<T>().CountAsync());
        var updatedByB = await host.InOrganizationAsync(b.Id, db =>
        {
            // The table name comes from the EF model, not from input.
            var sql = "UPDATE " + db.Model.FindEntityType(typeof(T))!.GetTableName() + " SET organization_id = organization_id";
            return db.Database.ExecuteSqlRawAsync(sql);
        });
        var deletedByB = await host.InOrganizationAsync(b.Id, db => db.Set<T>().ExecuteDeleteAsync());
        var seenByA = await host.InOrganizationAsync(a.Id, db => db.Set<T>().CountAsync());

        Assert.Equal(0, seenByB);
        Assert.Equal(0, updatedByB);
        Assert.Equal(0, deletedByB);
        Assert.Equal(1, seenByA);
    }
}
