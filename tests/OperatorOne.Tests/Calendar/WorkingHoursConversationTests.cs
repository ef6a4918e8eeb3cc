using Microsoft.EntityFrameworkCore;
using OperatorOne.Skills.Calendar;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Calendar;

/// <summary>Per-member working hours and what counts as busy, through web chat on real PostgreSQL.</summary>
[Collection(BotCollection.Name)]
public sealed class WorkingHoursConversationTests(BotHost host)
{
    [Fact]
    public async Task EachPersonsOwnHoursInTheirOwnZoneShapeFreeSlotsAndClashReports()
    {
        var org = await TestOrganization.CreateAsync(host);
        await host.InOrganizationAsync(org.Id, db =>
            db.Members.Where(m => m.Handle == "admin").ExecuteUpdateAsync(s => s.SetProperty(m => m.TimeZone, "America/New_York")));
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var member = await Chat.StartAsync(host, org, "member");
        var wednesday = CalendarDays.Next(DayOfWeek.Wednesday);
        var tenInNewYork = CalendarDays.At(wednesday, 10, 0, "America/New_York").ToUniversalTime();

        await admin.Send("I work 10am-6pm Mon-Thu");
        await admin.ExpectReply("Your working hours are now 10:00–18:00 Mon–Thu (America/New_York time)");
        await member.Send($"find a free hour for Ada on {CalendarDays.Words(CalendarDays.Next(DayOfWeek.Friday))}");
        await member.ExpectReply("I found no 1 hour when Ada Admin and you are all free within everyone's working hours");
        await member.Send($"find a free hour for Ada on {CalendarDays.Words(wednesday)}");
        var free = await member.ExpectReply("Free for Ada Admin and you");
        Assert.Contains($"{tenInNewYork:HH:mm}–{tenInNewYork.AddHours(1):HH:mm} (10:00 America/New_York)", free["text"]!.GetValue<string>(), StringComparison.Ordinal);

        await member.Send($"schedule a meeting with Ada on {CalendarDays.Words(wednesday)} at {tenInNewYork.AddHours(-2):HH:mm} about pricing");
        await member.ExpectReply("is outside Ada Admin's working hours (10:00–18:00 Mon–Thu America/New_York)");
        await member.Send("no");
        await member.ExpectReply("I haven't booked it");

        await member.Send("set Ada's working hours to 7 to 3");
        await member.ExpectReply("Only admins can set someone else's working hours");
        await admin.Send("set Mia's working hours to 7 to 3");
        await admin.ExpectReply("Mia Member's working hours are now 07:00–15:00 Mon–Fri (UTC time)");
        await member.Send("reset my working hours");
        await member.ExpectReply("You work the organization's hours again: 09:00–17:00 Mon–Fri");

        var rows = await host.InOrganizationAsync(org.Id, db => db.WorkingHours.Select(h => h.MemberId).ToListAsync());
        Assert.Equal([org.Members["admin"]], rows);
    }

    [Fact]
    public async Task AcceptedBlocksOfTimeMakeYouBusyButDeclinedMeetingsAndCampaignsDoNot()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var member = await Chat.StartAsync(host, org, "member");
        var date = CalendarDays.Next(DayOfWeek.Tuesday);
        var day = CalendarDays.Words(date);
        await member.Send("my schedule");
        await member.ExpectReply("Nothing");

        await member.Send($"remind me to write the report on {day} at 9am");
        await member.ExpectReply("Booked #1 write the report (reminder)");
        // A reminder given a length ("for 2 hours", as an LLM fills it) is time set aside.
        var eleven = CalendarDays.At(date, 11, 0, "UTC").ToUniversalTime();
        await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.Where(e => e.Number == 1).ExecuteUpdateAsync(s => s.SetProperty(e => e.EndsAt, eleven)));
        await admin.Send($"schedule a meeting with Mia on {day} at 11:00 for 1 hour about audit");
        await admin.ExpectReply("Booked #2 audit");
        await member.Send("decline event 2");
        await member.ExpectReply("You declined #2 audit");
        await member.Send("create a team calendar Launch with Victor");
        await member.ExpectReply("Created the Launch team calendar");
        await member.Send($"launch the autumn campaign on the launch calendar on {day} at 9am");
        await member.ExpectReply("Booked #3 autumn (campaign)");

        await member.Send($"find a free hour for Victor on {day}");
        var reply = (await member.ExpectReply("Free for Victor Viewer and you"))["text"]!.GetValue<string>();

        var first = reply.Split('\n')[1];
        Assert.Equal($"- {CalendarText.When(eleven, TimeZoneInfo.Utc)}–12:00", first);
    }
}
