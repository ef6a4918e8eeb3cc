using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OperatorOne.Data.Calendar;
using OperatorOne.Skills.Calendar;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Bot.Core.Work;

namespace OperatorOne.Tests.Calendar;

/// <summary>Moving events through web chat: approval for shared ones, answers reset, reminders re-armed, clashes, refusals.</summary>
[Collection(BotCollection.Name)]
public sealed class MoveEventConversationTests(BotHost host)
{
    [Fact]
    public async Task AnOrganizerMovesTheirSharedMeetingAtOnceResettingAnswersTellingAttendeesAndRemindingAtTheNewTime()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var viewer = await Chat.StartAsync(host, org, "viewer");
        using var member = await Chat.StartAsync(host, org, "member");
        await viewer.Send("my schedule");
        await viewer.ExpectReply("Nothing");
        var (thursday, friday) = (CalendarDays.Next(DayOfWeek.Thursday), CalendarDays.Next(DayOfWeek.Friday));
        await member.Send($"schedule a meeting with Victor on {CalendarDays.Words(thursday)} at 14:00 about roadmap");
        await member.ExpectReply("Booked #1 roadmap");
        await viewer.Send("accept event 1");
        await viewer.ExpectReply("You accepted #1 roadmap");
        var oldStart = CalendarDays.At(thursday, 14, 0, "UTC");
        Assert.True(await ScanAsync(oldStart.AddMinutes(-10)) >= 2);

        await member.Send($"move the roadmap meeting to {CalendarDays.Words(friday)} at 10:00");
        await member.ExpectReply("and asked 1 attendee to answer again");
        await viewer.ExpectReply("Mia Member moved #1 roadmap to");
        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.ApprovalRequests.CountAsync()));

        var newStart = CalendarDays.At(friday, 10, 0, "UTC");
        var (moved, answers) = await host.InOrganizationAsync(org.Id, async db => (
            await db.CalendarEvents.SingleAsync(), await db.EventAttendees.ToDictionaryAsync(a => a.MemberId, a => a.Response)));
        Assert.Equal((newStart, newStart.AddMinutes(30)), (moved.StartsAt, moved.EndsAt));
        Assert.Equal(RsvpResponse.Pending, answers[org.Members["viewer"]]);
        Assert.Equal(RsvpResponse.Accepted, answers[org.Members["member"]]);
        await ScanAsync(newStart.AddMinutes(-10));
        var reminded = await host.InOrganizationAsync(org.Id, db => db.EventReminders.Where(r => r.StartsAt == newStart).Select(r => r.MemberId).ToListAsync());
        Assert.Equal(new[] { org.Members["member"], org.Members["viewer"] }.Order(), reminded.Order());
    }

    [Fact]
    public async Task AnAdminMovingSomeoneElsesMeetingNeedsApprovalAndTheOrganizerIsTold()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var owner = await Chat.StartAsync(host, org, "owner");
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var member = await Chat.StartAsync(host, org, "member");
        await owner.Send("my schedule");
        await owner.ExpectReply("Nothing");
        var (thursday, friday) = (CalendarDays.Next(DayOfWeek.Thursday), CalendarDays.Next(DayOfWeek.Friday));
        await member.Send($"schedule a meeting with Victor on {CalendarDays.Words(thursday)} at 14:00 about roadmap");
        await member.ExpectReply("Booked #1 roadmap");

        await owner.Send("set my time zone to Asia/Tokyo");
        await owner.ExpectReply("Asia/Tokyo");

        await admin.Send($"move event 1 to {CalendarDays.Words(friday)} at 11:00");
        await admin.ExpectReply($"from {thursday:yyyy-MM-dd} 14:00 UTC to {friday:yyyy-MM-dd} 11:00 UTC with 1 other attendee needs approval");
        Assert.Equal(CalendarDays.At(thursday, 14, 0, "UTC"), await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.Select(e => e.StartsAt).SingleAsync()));
        // The approver reads both times on their own clock (Tokyo, 9 hours ahead), the requester on theirs (UTC).
        var card = await owner.ExpectCard($"Move event #1 roadmap from {thursday:yyyy-MM-dd} 23:00 Asia/Tokyo to {friday:yyyy-MM-dd} 20:00 Asia/Tokyo");
        await owner.Submit(ApprovalCard.Data(card, "approve"));
        await admin.ExpectReply("approved by Olivia Owner");
        await member.ExpectReply("Ada Admin moved #1 roadmap to");
        Assert.Equal(CalendarDays.At(friday, 11, 0, "UTC"), await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.Select(e => e.StartsAt).SingleAsync()));
    }

    [Fact]
    public async Task OnlyTheOrganizerOrAnAdminMayMoveAnEventAndViewersMayNotMoveAtAll()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var member = await Chat.StartAsync(host, org, "member");
        using var viewer = await Chat.StartAsync(host, org, "viewer");
        var day = CalendarDays.Words(CalendarDays.Next(DayOfWeek.Tuesday));
        await admin.Send($"schedule a meeting with Mia and Victor on {day} at 11:00 about security");
        await admin.ExpectReply("Booked #1 security");

        await member.Send($"move event 1 to {day} at 15:00");
        await member.ExpectReply("Only the organizer or an admin can move #1 security");
        await viewer.Send("push event 1 by 30 minutes");
        await viewer.ExpectReply("Your role (viewer) can't");

        var start = await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.Select(e => e.StartsAt).SingleAsync());
        Assert.Equal(CalendarDays.At(CalendarDays.Next(DayOfWeek.Tuesday), 11, 0, "UTC"), start);
    }

    [Fact]
    public async Task AClashAtTheNewTimeIsReportedFirstAndAnEventOnlyYouAttendMovesAtOnce()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var member = await Chat.StartAsync(host, org, "member");
        var date = CalendarDays.Next(DayOfWeek.Wednesday);
        var day = CalendarDays.Words(date);
        await admin.Send($"schedule a meeting with Alan on {day} at 10:00 for 1 hour about hiring");
        await admin.ExpectReply("Booked #1 hiring");
        await admin.Send($"book a meeting with Mia on {day} at 14:00 about pricing");
        await admin.ExpectReply("Booked #2 pricing");

        await member.Send($"remind me to water the plants on {day} at 9am");
        await member.ExpectReply("Booked #3 water the plants");
        await member.Send("push event 3 by 30 minutes");
        await member.ExpectReply($"Moved #3 water the plants to {CalendarText.When(CalendarDays.At(date, 9, 30, "UTC"), TimeZoneInfo.Utc)}");

        await admin.Send($"move the pricing meeting to {day} at 10:30");
        var clash = await admin.ExpectReply("Conflict: You are already busy");
        Assert.Contains("Nothing is moved yet", clash["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await admin.Send("no");
        await admin.ExpectReply("OK, #2 pricing stays");
        Assert.Equal(CalendarDays.At(date, 14, 0, "UTC"), await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.Where(e => e.Number == 2).Select(e => e.StartsAt).SingleAsync()));
    }

    private async Task<int> ScanAsync(DateTimeOffset now) => await new ReminderScan(
        host.Services.GetRequiredService<IServiceScopeFactory>(), new FixedClock(now), host.Services.GetRequiredService<WorkSignal>(),
        host.Services.GetRequiredService<IOptions<CalendarOptions>>()).ScanAsync(CancellationToken.None);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
