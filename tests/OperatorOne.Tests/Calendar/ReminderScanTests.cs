using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OperatorOne.Data.Outbox;
using OperatorOne.Skills.Calendar;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Bot.Core.Work;

namespace OperatorOne.Tests.Calendar;

/// <summary>Reminders with a clock the test moves, scanned by two "replicas" at once.</summary>
[Collection(BotCollection.Name)]
public sealed class ReminderScanTests(BotHost host)
{
    [Fact]
    public async Task TwoConcurrentScansRemindEachAcceptedOrPendingAttendeeExactlyOnce()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var viewer = await Chat.StartAsync(host, org, "viewer");
        using var owner = await Chat.StartAsync(host, org, "owner");
        using var member = await Chat.StartAsync(host, org, "member");
        foreach (var chat in new[] { admin, viewer, owner })
        {
            await chat.Send("my schedule");
            await chat.ExpectReply("Nothing");
        }
        var date = CalendarDays.Next(DayOfWeek.Thursday);
        await member.Send($"schedule a meeting with Ada, Victor and Olivia on {CalendarDays.Words(date)} at 16:00 about launch");
        await member.ExpectReply("Booked #1 launch");
        await owner.Send("decline event 1");
        await owner.ExpectReply("You declined");
        var starts = await host.InOrganizationAsync(org.Id, db => db.CalendarEvents.Select(e => e.StartsAt).SingleAsync());
        var clock = new ManualClock(starts.AddMinutes(-30));
        var first = Scan(clock);
        var second = Scan(clock);

        var early = await Task.WhenAll(first.ScanAsync(CancellationToken.None), second.ScanAsync(CancellationToken.None));
        clock.Now = starts.AddMinutes(-10);
        var due = await Task.WhenAll(first.ScanAsync(CancellationToken.None), second.ScanAsync(CancellationToken.None));
        var again = await Task.WhenAll(first.ScanAsync(CancellationToken.None), second.ScanAsync(CancellationToken.None));

        Assert.Equal(0, early.Sum());
        var reminders = await host.InOrganizationAsync(org.Id, db => db.EventReminders.Select(r => r.MemberId).ToListAsync());
        Assert.Equal(new[] { org.Members["admin"], org.Members["member"], org.Members["viewer"] }.Order(), reminders.Order());
        var sent = await host.InOrganizationAsync(org.Id, db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.Send)
            .Select(m => m.Activity).ToListAsync());
        Assert.Equal(3, sent.Count(a => a.Contains("Reminder: #1 launch starts in 10 minutes", StringComparison.Ordinal)));
        Assert.True(due.Sum() >= 3 && again.Sum() == 0);
        await viewer.ExpectReply("Reminder: #1 launch starts in 10 minutes");
    }

    private ReminderScan Scan(TimeProvider clock) => new(
        host.Services.GetRequiredService<IServiceScopeFactory>(), clock, host.Services.GetRequiredService<WorkSignal>(),
        host.Services.GetRequiredService<IOptions<CalendarOptions>>());

    /// <summary>A clock that stands still until the test moves it.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
