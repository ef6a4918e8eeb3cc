using Microsoft.EntityFrameworkCore;
using Npgsql;
using OperatorOne.Data.Tickets;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Data;

[Collection(BotCollection.Name)]
public sealed class RowLevelSecurityTests(BotHost host)
{
    [Fact]
    public async Task AQueryUnderOneOrganizationCannotSeeAnotherOrganizationsTicketEvenById()
    {
        var a = await TestOrganization.CreateAsync(host);
        var b = await TestOrganization.CreateAsync(host);
        var ticketOfB = await AddTicketAsync(b, "B's secret ticket");

        var seenFromA = await host.InOrganizationAsync(a.Id, db => db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketOfB));
        var seenFromB = await host.InOrganizationAsync(b.Id, db => db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketOfB));

        Assert.Null(seenFromA);
        Assert.Equal("B's secret ticket", seenFromB?.Title);
    }

    [Fact]
    public async Task AnUpdateOrDeleteUnderOneOrganizationCannotTouchAnotherOrganizationsRows()
    {
        var a = await TestOrganization.CreateAsync(host);
        var b = await TestOrganization.CreateAsync(host);
        var ticketOfB = await AddTicketAsync(b, "Untouchable");

        var updated = await host.InOrganizationAsync(a.Id, db =>
            db.Tickets.Where(t => t.Id == ticketOfB).ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, "hacked")));
        var deleted = await host.InOrganizationAsync(a.Id, db => db.Tickets.Where(t => t.Id == ticketOfB).ExecuteDeleteAsync());
        var still = await host.InOrganizationAsync(b.Id, db => db.Tickets.SingleAsync(t => t.Id == ticketOfB));

        Assert.Equal(0, updated);
        Assert.Equal(0, deleted);
        Assert.Equal("Untouchable", still.Title);
    }

    [Fact]
    public async Task InsertingARowForAnotherOrganizationIsRefusedByThePolicy()
    {
        var a = await TestOrganization.CreateAsync(host);
        var b = await TestOrganization.CreateAsync(host);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => host.InOrganizationAsync(a.Id, db =>
        {
            db.Tickets.Add(NewTicket(b.Id, "planted"));
            return db.SaveChangesAsync();
        }));

        Assert.Contains("row-level security", (error.InnerException as PostgresException)?.MessageText ?? "");
    }

    [Fact]
    public async Task WithoutAnOrganizationTheAppSeesNoBusinessRowsAtAll()
    {
        var a = await TestOrganization.CreateAsync(host);
        await AddTicketAsync(a, "Invisible without a tenant");

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorOne.Data.OperatorOneDb>();

        Assert.Equal(0, await db.Tickets.CountAsync());
        Assert.Equal(0, await db.Members.CountAsync());
    }

    [Fact]
    public async Task TheBotConnectsAsARoleThatIsSubjectToRowLevelSecurity()
    {
        var flags = await TestPostgres.QueryAsAdminAsync(host.AdminConnectionString,
            $"SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = '{new NpgsqlConnectionStringBuilder(host.RuntimeConnectionString).Username}'",
            reader => reader.Read() ? (reader.GetBoolean(0), reader.GetBoolean(1)) : (true, true));
        var owner = await TestPostgres.QueryAsAdminAsync(host.AdminConnectionString,
            "SELECT tableowner FROM pg_tables WHERE tablename = 'tickets'", reader => reader.Read() ? reader.GetString(0) : "");

        Assert.Equal((false, false), flags);
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(host.RuntimeConnectionString).Username, owner);
    }

    private async Task<Guid> AddTicketAsync(TestOrganization organization, string title)
    {
        var ticket = NewTicket(organization.Id, title);
        await host.InOrganizationAsync(organization.Id, db =>
        {
            db.Tickets.Add(ticket);
            return db.SaveChangesAsync();
        });
        return ticket.Id;
    }

    private static Ticket NewTicket(Guid organizationId, string title) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = organizationId,
        Number = Random.Shared.Next(1000, 1_000_000),
        Title = title,
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
