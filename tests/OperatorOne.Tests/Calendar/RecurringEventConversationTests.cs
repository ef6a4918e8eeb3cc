using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Calendar;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Calendar;

/// <summary>Recurring events, location and notes through the web chat: a series is its own numbered events sharing a series id.</summary>
[Collection(BotCollection.Name)]
public sealed class RecurringEventConversationTests(BotHost host)
{
    [Fact]
    public async Task AWeekdaySeriesBooksEachOccurrenceInvitesOnceAndIsAnsweredAndCancelledAsAWhole()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        using var viewer = await Chat.StartAsync(host, org, "viewer");
        await viewer.Send("my schedule");
        await viewer.ExpectReply("Nothing");
        var monday = CalendarDays.Next(DayOfWeek.Monday);

        await member.Send($"schedule a 15 minute standup with Victor every weekday on {CalendarDays.Words(monday)} at 9:30 for 2 weeks");
        await member.ExpectReply("Booked #1–#10 standup (meeting), every weekday 09:30–09:45");
        var invitation = await viewer.ExpectReply("invited you to #1–#10 standup");
        Assert.Contains("accept every standup", invitation["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var events = await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.OrderBy(e => e.Number).ToListAsync());
        Assert.Equal(10, events.Count);
        Assert.Single(events.Select(e => e.SeriesId).Distinct());
        Assert.All(events, e => Assert.Equal("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=" + monday.AddDays(13).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), e.Recurrence));
        Assert.DoesNotContain(events, e => e.StartsAt.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

        await viewer.Send("accept the standup");
        await viewer.ExpectReply("You accepted #1 standup");
        await viewer.Send("accept every standup");
        await viewer.ExpectReply("You accepted 10 occurrences of standup");
        await member.ExpectReply("Victor Viewer accepted 10 occurrences of standup");
        Assert.Equal(10, await host.InOrganizationAsync(org.Id, db => db.EventAttendees.CountAsync(a => a.MemberId == org.Members["viewer"] && a.Response == RsvpResponse.Accepted)));

        await member.Send("cancel event 4");
        await member.ExpectReply("Cancelled #4 standup");
        await member.Send("cancel the standup series");
        await member.ExpectReply("Cancelled 9 occurrences of standup");
        await viewer.ExpectReply("Mia Member cancelled 9 occurrences of standup");
        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.CountAsync(e => e.CancelledAt == null)));
    }

    [Fact]
    public async Task ASeriesWithoutAnEndIsAskedForOneAndAClashOnALaterOccurrenceIsReported()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var member = await Chat.StartAsync(host, org, "member");
        var tuesday = CalendarDays.Next(DayOfWeek.Tuesday);
        await admin.Send($"schedule a meeting with Mia on {CalendarDays.Words(tuesday.AddDays(7))} at 11:00 about hiring");
        await admin.ExpectReply("Booked #1 hiring");

        await member.Send($"book a meeting with Ada every week on {CalendarDays.Words(tuesday)} at 11am about sales");
        await member.ExpectReply("How long should it repeat");
        await member.Send("4 times");
        await member.ExpectReply("Conflict on 1 of 4 occurrences");
        Assert.Equal(1, await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.CountAsync()));
        await member.Send("yes");
        await member.ExpectReply("Booked #2–#5 sales (meeting), every week 11:00–11:30");

        await member.Send("schedule a meeting every day at 9am for 400 days about nothing");
        await member.ExpectReply("at most 260");
    }

    [Fact]
    public async Task LocationAndNotesAreSetByTheOrganizerShownOnTheCardAndToldToAttendees()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        using var viewer = await Chat.StartAsync(host, org, "viewer");
        await viewer.Send("my schedule");
        await viewer.ExpectReply("Nothing");
        var day = CalendarDays.Words(CalendarDays.Next(DayOfWeek.Wednesday));
        await member.Send($"schedule a meeting with Victor on {day} at 14:00 in room 4 about pricing");
        await member.ExpectCard("room 4");
        await viewer.ExpectReply("invited you to #1 pricing");

        await member.Send("add notes to event 1: bring the price list");
        await member.ExpectReply("set the notes to \"bring the price list\"");
        await viewer.ExpectReply("Mia Member changed #1 pricing");
        await member.Send("set the location of the pricing meeting to the board room");
        await member.ExpectReply("moved it to the board room");
        await viewer.Send("set the location of event 1 to the kitchen");
        await viewer.ExpectReply("Your role (viewer) can't");

        var e = await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.SingleAsync());
        Assert.Equal(("the board room", "bring the price list"), (e.Location, e.Notes));
    }
}
