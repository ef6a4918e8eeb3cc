using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Data.Outbox;
using OperatorOne.Skills.ServiceDesk;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.ServiceDesk;

/// <summary>The SLA scan run with explicit times, as a controllable clock would, by two "replicas" at once.</summary>
[Collection(BotCollection.Name)]
public sealed class SlaScanTests(BotHost host)
{
    [Fact]
    public async Task TwoConcurrentScansEnqueueExactlyOneWarningAndOneBreachForTheAssignee()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var member = await Chat.StartAsync(host, org, "member");
        await admin.Send("set sla for high to 10 minutes response and 60 minutes resolution");
        await admin.ExpectReply("60 minutes");
        await member.Send("open a ticket: laptop will not boot, high priority");
        await member.ExpectReply("#1");
        await member.Send("take ticket 1");
        await member.ExpectReply("Assigned");
        var created = await host.InOrganizationAsync(org.Id, db => db.Tickets.Select(t => t.CreatedAt).SingleAsync());
        var scan = host.Services.GetRequiredService<SlaScan>();

        await Task.WhenAll(scan.ScanAsync(created.AddMinutes(30), CancellationToken.None), scan.ScanAsync(created.AddMinutes(30), CancellationToken.None));
        var afterHalf = await NoticesAsync(org);
        await Task.WhenAll(scan.ScanAsync(created.AddMinutes(49), CancellationToken.None), scan.ScanAsync(created.AddMinutes(49), CancellationToken.None));
        await Task.WhenAll(scan.ScanAsync(created.AddMinutes(55), CancellationToken.None), scan.ScanAsync(created.AddMinutes(55), CancellationToken.None));
        var afterWarning = await NoticesAsync(org);
        await Task.WhenAll(scan.ScanAsync(created.AddMinutes(61), CancellationToken.None), scan.ScanAsync(created.AddMinutes(61), CancellationToken.None));
        await Task.WhenAll(scan.ScanAsync(created.AddMinutes(90), CancellationToken.None), scan.ScanAsync(created.AddMinutes(90), CancellationToken.None));
        var afterBreach = await NoticesAsync(org);

        Assert.Equal((0, 0), afterHalf);
        Assert.Equal((1, 0), afterWarning);
        Assert.Equal((1, 1), afterBreach);
        await member.ExpectReply("SLA warning: ticket #1");
        await member.ExpectReply("SLA breached: ticket #1");
    }

    [Fact]
    public async Task TheWarningGivesTheDueTimeOnTheAssigneesClock()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        await member.Send("set my time zone to Asia/Tokyo");
        await member.ExpectReply("Asia/Tokyo");
        await member.Send("open a ticket: monitor flickers");
        await member.ExpectReply("#1");
        await member.Send("take ticket 1");
        await member.ExpectReply("Assigned");
        var sla = await host.InOrganizationAsync(org.Id, db => db.TicketSlas.AsNoTracking().SingleAsync());
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        await host.Services.GetRequiredService<SlaScan>().ScanAsync(sla.ResolutionWarnAt!.Value.AddMinutes(1), CancellationToken.None);

        var due = TimeZoneInfo.ConvertTime(sla.ResolutionDueAt!.Value, tokyo).ToString("ddd d MMM HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await member.ExpectReply($"it is due by {due} Asia/Tokyo.");
    }

    [Fact]
    public async Task APendingTicketIsNotAnnouncedAndItsTargetsMoveByThePausedTime()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        await member.Send("open a ticket: printer toner empty");
        await member.ExpectReply("#1");
        await member.Send("take ticket 1");
        await member.ExpectReply("Assigned");
        await member.Send("put ticket 1 on hold");
        await member.ExpectReply("pending");
        var sla = await host.InOrganizationAsync(org.Id, db => db.TicketSlas.AsNoTracking().SingleAsync());
        var scan = host.Services.GetRequiredService<SlaScan>();

        await scan.ScanAsync(sla.ResolutionDueAt!.Value.AddHours(1), CancellationToken.None);
        await member.Send("start working on ticket 1");
        await member.ExpectReply("#1");

        var resumed = await host.InOrganizationAsync(org.Id, db => db.TicketSlas.AsNoTracking().SingleAsync());
        Assert.NotNull(sla.PausedSince);
        Assert.Null(resumed.PausedSince);
        Assert.True(resumed.PausedTime > TimeSpan.Zero);
        Assert.InRange((resumed.ResolutionDueAt - (sla.ResolutionDueAt + resumed.PausedTime))!.Value.Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.SlaNotices.CountAsync()));
    }

    private async Task<(int Warnings, int Breaches)> NoticesAsync(TestOrganization org)
    {
        var sent = await host.InOrganizationAsync(org.Id, db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.Send).Select(m => m.Activity).ToListAsync());
        return (sent.Count(a => a.Contains("SLA warning", StringComparison.Ordinal)), sent.Count(a => a.Contains("SLA breached", StringComparison.Ordinal)));
    }
}
