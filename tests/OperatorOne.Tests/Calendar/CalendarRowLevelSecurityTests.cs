using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Calendar;

/// <summary>Organization B can neither read, change, delete nor plant organization A's calendar rows, table by table.</summary>
[Collection(BotCollection.Name)]
public sealed class CalendarRowLevelSecurityTests(BotHost host)
{
    private static readonly string[] Names = ["calendars", "calendar_members", "calendar_events", "event_attendees", "event_reminders"];

    public static TheoryData<string> Tables => [.. Names];

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task AnotherOrganizationCannotReadUpdateOrDeleteTheRows(string table)
    {
        var a = await TestOrganization.CreateAsync(host);
        var b = await TestOrganization.CreateAsync(host);
        var id = (await SeedAsync(a))[table];

        // The table name comes from the fixed list above, never from input.
        var count = "SELECT count(*)::int AS \"Value\" FROM " + table + " WHERE id = {0}";
        var update = "UPDATE " + table + " SET organization_id = organization_id WHERE id = {0}";
        var delete = "DELETE FROM " + table + " WHERE id = {0}";
        Assert.Equal(0, await host.InOrganizationAsync(b.Id, db => db.Database.SqlQueryRaw<int>(count, id).SingleAsync()));
        Assert.Equal(0, await host.InOrganizationAsync(b.Id, db => db.Database.ExecuteSqlRawAsync(update, id)));
        Assert.Equal(0, await host.InOrganizationAsync(b.Id, db => db.Database.ExecuteSqlRawAsync(delete, id)));
        Assert.Equal(1, await host.InOrganizationAsync(a.Id, db => db.Database.SqlQueryRaw<int>(count, id).SingleAsync()));
    }

    [Fact]
    public async Task PlantingACalendarRowForAnotherOrganizationIsRefused()
    {
        var a = await TestOrganization.CreateAsync(host);
        var b = await TestOrganization.CreateAsync(host);

        await Assert.ThrowsAsync<DbUpdateException>(() => host.InOrganizationAsync(b.Id, db =>
        {
            db.Calendars.Add(new EventCalendar { Id = Guid.NewGuid(), OrganizationId = a.Id, Kind = CalendarKind.Team, Name = "planted" });
            return db.SaveChangesAsync();
        }));
    }

    private async Task<Dictionary<string, Guid>> SeedAsync(TestOrganization org)
    {
        var ids = Names.ToDictionary(t => t, _ => Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        await host.InOrganizationAsync(org.Id, (OperatorOneDb db) =>
        {
            db.Calendars.Add(new EventCalendar { Id = ids["calendars"], OrganizationId = org.Id, Kind = CalendarKind.Team, Name = "Team", CreatedAt = now });
            db.CalendarMembers.Add(new CalendarMember { Id = ids["calendar_members"], OrganizationId = org.Id, CalendarId = ids["calendars"], MemberId = org.Members["member"], CreatedAt = now });
            db.CalendarEvents.Add(new CalendarEvent
            {
                Id = ids["calendar_events"], OrganizationId = org.Id, Number = 1, CalendarId = ids["calendars"], Title = "A's meeting",
                StartsAt = now.AddDays(1), EndsAt = now.AddDays(1).AddHours(1), OrganizerId = org.Members["member"], CreatedAt = now,
            });
            db.EventAttendees.Add(new EventAttendee { Id = ids["event_attendees"], OrganizationId = org.Id, EventId = ids["calendar_events"], MemberId = org.Members["member"] });
            db.EventReminders.Add(new EventReminder { Id = ids["event_reminders"], OrganizationId = org.Id, EventId = ids["calendar_events"], MemberId = org.Members["member"], StartsAt = now.AddDays(1), CreatedAt = now });
            return db.SaveChangesAsync();
        });
        return ids;
    }
}
