using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Tickets;
using OperatorOne.Skills.ServiceDesk;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.ServiceDesk;

/// <summary>The service desk through the web chat path (real HTTP, real PostgreSQL), as scripts.</summary>
[Collection(BotCollection.Name)]
public sealed class ServiceDeskConversationTests(BotHost host)
{
    [Fact]
    public async Task AnAdminSetsUpQueuesCategoriesTriageRulesSlasBusinessHoursAndHolidays()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");

        await admin.Send("create queue IT");
        await admin.ExpectReply("Created the IT queue");
        await admin.Send("add category network for the IT queue with keywords vpn, wifi");
        await admin.ExpectReply("Added category network in the IT queue");
        await admin.Send("when a ticket mentions outage, make it urgent");
        await admin.ExpectReply("urgent priority");
        await admin.Send("set sla for urgent to 15 minutes response and 2 hours resolution");
        await admin.ExpectReply("15 minutes");
        await admin.Send("set business hours to 9:00-17:00 weekdays in Europe/Berlin");
        await admin.ExpectReply("09:00–17:00 Monday to Friday");
        await admin.Send("add holiday 2026-12-25 Christmas");
        await admin.ExpectReply("Christmas");

        var (category, rule, policy, hours, holiday) = await host.InOrganizationAsync(org.Id, async db => (
            await db.TicketCategories.SingleAsync(), await db.PriorityRules.SingleAsync(), await db.SlaPolicies.SingleAsync(),
            await db.BusinessHours.SingleAsync(), await db.Holidays.SingleAsync()));
        Assert.Equal(["vpn", "wifi"], category.Keywords);
        Assert.Equal(TicketPriority.Urgent, rule.Priority);
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromHours(2)), (policy.FirstResponse, policy.Resolution));
        Assert.Equal(("Europe/Berlin", new TimeOnly(9, 0)), (hours.TimeZone, hours.Opens));
        Assert.Equal(new DateOnly(2026, 12, 25), holiday.Date);
    }

    [Fact]
    public async Task ANewTicketIsTriagedAndJoiningAQueueNeedsApprovalThenShowsInMyQueueAndBreaches()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var admin2 = await Chat.StartAsync(host, org, "admin2");
        using var member = await Chat.StartAsync(host, org, "member");
        await admin.Send("create queue IT");
        await admin.ExpectReply("Created");
        await admin.Send("add category network to queue IT, keywords vpn, wifi");
        await admin.ExpectReply("Added category network");
        await admin.Send("treat outage as urgent");
        await admin.ExpectReply("urgent");
        await admin.Send("set sla for urgent to 1 minute response and 2 minutes resolution");
        await admin.ExpectReply("2 minutes");

        await member.Send("open a ticket: VPN outage in the Berlin office");
        await member.ExpectReply("Triage suggests category network and urgent priority");
        await member.Send("my queue");
        await member.ExpectReply("Your queue is empty");

        await admin.Send("add mia to the IT queue");
        await admin.ExpectReply("needs approval");
        var card = await admin2.ExpectCard("Approve");
        await admin2.Submit(ApprovalCard.Data(card, "approve"));
        await admin.ExpectReply("approved by Alan Admin");

        await member.Send("my queue");
        await member.ExpectReply("#1 VPN outage");
        await member.Send("what's breaching today?");
        await member.ExpectReply("#1 VPN outage");

        var ticket = await host.InOrganizationAsync(org.Id, db => db.Tickets.SingleAsync());
        Assert.Equal(("network", TicketPriority.Urgent), (ticket.Category, ticket.Priority));
    }

    [Fact]
    public async Task EscalatingRaisesThePriorityOneStepAndTellsTheQueue()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var member = await Chat.StartAsync(host, org, "member");
        await member.Send("open a ticket: mouse is broken");
        await member.ExpectReply("#1");

        await member.Send("escalate 1");
        await member.ExpectReply("Escalated ticket #1 to high priority");
        await admin.ExpectReply("Ticket #1 (mouse is broken) was escalated to high priority by Mia Member");
        await member.Send("escalate ticket #1");
        await member.ExpectReply("urgent");
        await member.Send("escalate 1");
        await member.ExpectReply("already urgent");

        Assert.Equal(TicketPriority.Urgent, await host.InOrganizationAsync(org.Id, db => db.Tickets.Select(t => t.Priority).SingleAsync()));
    }

    [Fact]
    public async Task TheEscalationNoticeShowsTheNewDueTimeOnEachReadersClock()
    {
        var org = await TestOrganization.CreateAsync(host);
        // Ada reads in Tokyo; Mia, who escalates, in the organization's UTC.
        await host.InOrganizationAsync(org.Id, db =>
            db.Members.Where(m => m.Id == org.Members["admin"]).ExecuteUpdateAsync(m => m.SetProperty(x => x.TimeZone, "Asia/Tokyo")));
        using var admin = await Chat.StartAsync(host, org, "admin");
        using var member = await Chat.StartAsync(host, org, "member");
        await admin.Send("set sla for high to 60 minutes response and 8 hours resolution");
        await admin.ExpectReply("resolution within 8 hours");
        await member.Send("open a ticket: keyboard is sticky");
        await member.ExpectReply("#1");

        await member.Send("escalate 1");
        var answer = await member.ExpectReply("Escalated ticket #1 to high priority");
        var notice = await admin.ExpectReply("Ticket #1 (keyboard is sticky) was escalated to high priority by Mia Member");

        var due = await host.InOrganizationAsync(org.Id, db => db.TicketSlas.Select(s => s.ResolutionDueAt).SingleAsync());
        Assert.NotNull(due);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        Assert.Contains($"Resolution is now due by {SlaText.When(due.Value, tokyo)}.", notice["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", notice["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"Resolution is now due by {SlaText.When(due.Value)}.", answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewerMayNotEscalateAndAMemberMayNotManageQueues()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        using var viewer = await Chat.StartAsync(host, org, "viewer");
        await member.Send("open a ticket: desk lamp flickers");
        await member.ExpectReply("#1");

        await viewer.Send("escalate 1");
        await viewer.ExpectReply("Your role (viewer) can't escalate a ticket");
        await member.Send("create queue Sales");
        await member.ExpectReply("Your role (member) can't create a support queue");

        Assert.Equal(TicketPriority.Normal, await host.InOrganizationAsync(org.Id, db => db.Tickets.Select(t => t.Priority).SingleAsync()));
        Assert.Equal(0, await host.InOrganizationAsync(org.Id, db => db.SupportQueues.CountAsync()));
    }

    [Fact]
    public async Task AMissingTicketNumberIsAskedForBeforeEscalating()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        await member.Send("open a ticket: keyboard sticky");
        await member.ExpectReply("#1");

        await member.Send("escalate a ticket");
        await member.ExpectReply("Which ticket should I escalate?");
        await member.Send("1");
        await member.ExpectReply("Escalated ticket #1");
    }
}
