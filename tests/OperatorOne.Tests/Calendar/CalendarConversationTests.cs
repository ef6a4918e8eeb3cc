using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Members;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Calendar;

/// <summary>The calendar skill through the web chat path (real HTTP, real PostgreSQL), as scripts.</summary>
[Collection(BotCollection.Name)]
public sealed class CalendarConversationTests(BotHost host)
{
    [Fact]
    public async Task AMeetingBookedInBerlinTimeInvitesAttendeesWhoAcceptOrDeclineAndTheOrganizerHears()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var viewer = await Chat.StartAsync(host, org, "viewer");
        await admin.Send("what's on my calendar today");
        await admin.ExpectReply("Nothing on your calendar today");
        await viewer.Send("my schedule");
        await viewer.ExpectReply("Nothing on your calendar today");

        await member.Send("set my time zone to Europe/Berlin");
        await member.ExpectReply("Your time zone is now Europe/Berlin");
        await member.Send("schedule a meeting with Ada and Victor next Tuesday at 3pm for 30 minutes about budget");
        await member.ExpectReply("Booked #1 budget (meeting)");
        await admin.ExpectReply("Mia Member invited you to #1 budget");
        await viewer.ExpectReply("invited you to #1 budget");

        await admin.Send("accept the budget meeting");
        await admin.ExpectReply("You accepted #1 budget");
        await viewer.Send("decline event 1");
        await viewer.ExpectReply("You declined #1 budget");
        await member.ExpectReply("Ada Admin accepted #1 budget");
        await member.ExpectReply("Victor Viewer declined #1 budget");

        var (meeting, answers, zone) = await host.InOrganizationAsync(org.Id, async db => (
            await db.CalendarEvents.SingleAsync(),
            await db.EventAttendees.ToDictionaryAsync(a => a.MemberId, a => a.Response),
            await db.Members.Where(m => m.Handle == "member").Select(m => m.TimeZone).SingleAsync()));
        var berlin = TimeZoneInfo.ConvertTime(meeting.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal("Europe/Berlin", zone);
        Assert.Equal((DayOfWeek.Tuesday, 15, 0), (berlin.DayOfWeek, berlin.Hour, berlin.Minute));
        Assert.Equal(TimeSpan.FromMinutes(30), meeting.EndsAt - meeting.StartsAt);
        Assert.Equal(RsvpResponse.Accepted, answers[org.Members["member"]]);
        Assert.Equal(RsvpResponse.Accepted, answers[org.Members["admin"]]);
        Assert.Equal(RsvpResponse.Declined, answers[org.Members["viewer"]]);
    }

    [Fact]
    public async Task MyScheduleShowsTomorrowsReminderInMyOwnTimeZone()
    {
        var org = await TestOrganization.CreateAsync(host);
        var zone = ZoneNearMidday();
        using var member = await Chat.StartAsync(host, org, "member");
        await member.Send($"set my time zone to {zone}");
        await member.ExpectReply(zone);

        await member.Send("remind me to call the bank tomorrow at 10am");
        await member.ExpectReply("Booked #1 call the bank (reminder)");
        await member.Send("what's on my schedule tomorrow");
        var reply = await member.ExpectReply($"Your schedule tomorrow ({zone})");

        Assert.Contains("10:00: #1 call the bank (reminder)", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var reminder = await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.SingleAsync());
        Assert.Equal((EventKind.Reminder, 10), (reminder.Kind, TimeZoneInfo.ConvertTime(reminder.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour));
    }

    /// <summary>
    /// A zone where it is about midday now, so "tomorrow" there cannot change between booking and asking; with a fixed
    /// America/New_York, a run that straddled midnight there (04:00 or 05:00 UTC) asked about the day after the reminder's.
    /// </summary>
    private static string ZoneNearMidday()
    {
        string[] zones =
        [
            "Pacific/Pago_Pago", "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver", "America/Chicago",
            "America/New_York", "America/Halifax", "America/Sao_Paulo", "Atlantic/South_Georgia", "Atlantic/Azores", "Europe/London",
            "Europe/Berlin", "Europe/Athens", "Europe/Moscow", "Asia/Dubai", "Asia/Karachi", "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai",
            "Asia/Tokyo", "Australia/Brisbane", "Pacific/Noumea", "Pacific/Auckland",
        ];
        var now = DateTimeOffset.UtcNow;
        return zones.MinBy(z => Math.Abs((TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(z)).TimeOfDay - TimeSpan.FromHours(12)).Ticks))!;
    }

    [Fact]
    public async Task AClashIsReportedBeforeBookingAndAnsweringWithAFreeTimeBooksThat()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var member = await Chat.StartAsync(host, org, "member");
        var day = CalendarDays.Words(CalendarDays.Next(DayOfWeek.Wednesday));
        await admin.Send($"schedule a meeting with Alan on {day} at 10:00 for 1 hour about hiring");
        await admin.ExpectReply("Booked #1 hiring");

        await member.Send($"book a meeting with Ada on {day} at 10:30 for 30 minutes about budget");
        await member.ExpectReply("Conflict: Ada Admin is already busy");
        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.CountAsync(e => e.Title == "budget")));

        await member.Send($"{day} at 11:00");
        await member.ExpectReply("Booked #2 budget");
        var budget = await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.SingleAsync(e => e.Title == "budget"));
        Assert.Equal(CalendarDays.At(CalendarDays.Next(DayOfWeek.Wednesday), 11, 0, "UTC"), budget.StartsAt);

        await member.Send($"schedule a meeting with Ada on {day} at 10:00 about travel");
        await member.ExpectReply("Nothing is booked yet");
        await member.Send("yes");
        await member.ExpectReply("Booked #3 travel");
    }

    [Fact]
    public async Task AFreeSlotIsFoundAcrossTimeZonesInsideEveryonesWorkingHours()
    {
        var org = await TestOrganization.CreateAsync(host);
        await host.InOrganizationAsync(org.Id, async db =>
        {
            await db.Members.Where(m => m.Handle == "admin").ExecuteUpdateAsync(s => s.SetProperty(m => m.TimeZone, "America/New_York"));
            return await db.Members.Where(m => m.Handle == "member").ExecuteUpdateAsync(s => s.SetProperty(m => m.TimeZone, "Europe/Berlin"));
        });
        using var member = await Chat.StartAsync(host, org, "member");
        var date = CalendarDays.Next(DayOfWeek.Wednesday);
        var nineInNewYork = CalendarDays.At(date, 9, 0, "America/New_York");
        var inBerlin = TimeZoneInfo.ConvertTime(nineInNewYork, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        await member.Send($"find a free hour for Ada on {CalendarDays.Words(date)}");
        var reply = await member.ExpectReply("Free for Ada Admin and you");

        Assert.Contains($"{inBerlin:HH:mm}–{inBerlin.AddHours(1):HH:mm} (09:00 America/New_York)", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewerCannotCreateAnEvent()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var viewer = await Chat.StartAsync(host, org, "viewer");

        await viewer.Send("schedule a meeting with Mia tomorrow at 10am about onboarding");
        await viewer.ExpectReply("Your role (viewer) can't");

        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.CountAsync()));
    }

    [Fact]
    public async Task AnOrganizerCancelsTheirOwnMeetingAtOnceAndAttendeesAreToldButAnAdminCancellingSomeoneElsesNeedsApproval()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var owner = await Chat.StartAsync(host, org, "owner");
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var viewer = await Chat.StartAsync(host, org, "viewer");
        using var member = await Chat.StartAsync(host, org, "member");
        await viewer.Send("my schedule");
        await viewer.ExpectReply("Nothing");
        await owner.Send("my schedule");
        await owner.ExpectReply("Nothing");
        var day = CalendarDays.Words(CalendarDays.Next(DayOfWeek.Thursday));
        await member.Send($"schedule a meeting with Victor on {day} at 14:00 about roadmap");
        await member.ExpectReply("Booked #1 roadmap");
        await member.Send($"schedule a meeting with Victor on {day} at 16:00 about pricing");
        await member.ExpectReply("Booked #2 pricing");

        await member.Send("cancel the roadmap meeting");
        await member.ExpectReply("Cancelled #1 roadmap");
        await viewer.ExpectReply("Mia Member cancelled #1 roadmap");
        Assert.NotNull(await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.Where(e => e.Number == 1).Select(e => e.CancelledAt).SingleAsync()));

        await viewer.Send("cancel event 2");
        await viewer.ExpectReply("Your role (viewer) can't");
        await admin.Send("cancel event 2");
        await admin.ExpectReply("needs approval");
        Assert.Null(await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.Where(e => e.Number == 2).Select(e => e.CancelledAt).SingleAsync()));
        var card = await owner.ExpectCard("Cancel event #2 pricing");
        await owner.Submit(ApprovalCard.Data(card, "approve"));
        await admin.ExpectReply("approved by Olivia Owner");
        await member.ExpectReply("Ada Admin cancelled #2 pricing");
        Assert.NotNull(await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.Where(e => e.Number == 2).Select(e => e.CancelledAt).SingleAsync()));
    }

    [Fact]
    public async Task AnAmbiguousAttendeeIsAskedAboutAndTheAnswerCompletesTheBooking()
    {
        var org = await TestOrganization.CreateAsync(host);
        await host.InOrganizationAsync(org.Id, db =>
        {
            db.Members.Add(new Member { Id = Guid.NewGuid(), OrganizationId = org.Id, DisplayName = "Ada Lovelace", Handle = "ada.l", CreatedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        using var member = await Chat.StartAsync(host, org, "member");
        var day = CalendarDays.Words(CalendarDays.Next(DayOfWeek.Monday));

        await member.Send($"schedule a meeting with Ada and Victor on {day} at 11am about engines");
        await member.ExpectReply("There are two Adas: Ada Admin (@admin) or Ada Lovelace (@ada.l)?");
        await member.Send("Ada Lovelace");
        await member.ExpectReply("Booked #1 engines (meeting)");

        var invited = await host.InOrganizationAsync(org.Id, db => db.EventAttendees
            .Join(db.Members, a => a.MemberId, m => m.Id, (_, m) => m.DisplayName).OrderBy(n => n).ToListAsync());
        Assert.Equal(["Ada Lovelace", "Mia Member", "Victor Viewer"], invited);
    }

    [Fact]
    public async Task ACampaignOnATeamCalendarInvitesTheTeam()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        var day = CalendarDays.Words(CalendarDays.Next(DayOfWeek.Friday));

        await member.Send("create a team calendar Marketing with Ada and Victor");
        await member.ExpectReply("Created the Marketing team calendar with you, Ada Admin and Victor Viewer");
        await member.Send($"launch the spring campaign on the marketing calendar on {day} at 9am");
        await member.ExpectReply("Booked #1 spring (campaign)");

        var (campaign, attendees) = await host.InOrganizationAsync(org.Id, async db => (
            await db.CalendarEvents.SingleAsync(), await db.EventAttendees.CountAsync()));
        Assert.Equal((EventKind.Campaign, 3), (campaign.Kind, attendees));
    }
}
