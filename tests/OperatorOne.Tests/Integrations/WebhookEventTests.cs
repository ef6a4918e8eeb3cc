using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Data.Outbox;
using OperatorOne.Skills.ServiceDesk;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Integrations;

/// <summary>
/// Each event kind a receiver can subscribe to, caused the way people cause it (chat, an approval click, an upload, the
/// SLA scan) and delivered signed, exactly once, to a subscription that wants only that kind.
/// (ticket.created and ticket.closed are in <see cref="WebhookTests"/>.)
/// </summary>
[Collection(IntegrationsCollection.Name)]
public sealed class WebhookEventTests(IntegrationsFixture fixture)
{
    private BotHost Host => fixture.Host;
    private LocalReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task ACommentOnATicketSendsOneTicketUpdatedAndOpeningItSendsNone()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var updated = await SubscribeAsync(org, "ticket.updated");
        using var chat = await Chat.StartAsync(Host, org, "member");
        await chat.Send("open a ticket: badge reader at the back door is dead");
        await chat.ExpectReply("Opened ticket #1");

        await chat.Send("comment on 1: it beeps red for everyone");
        await chat.ExpectReply("Added your comment");

        var data = await DeliveredOnceAsync(org, updated, "ticket.updated");
        Assert.Equal("comment", data["change"]!.GetValue<string>());
        Assert.Equal(1, data["ticket"]!["number"]!.GetValue<int>());
        Assert.Equal(org.Members["member"], data["by"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task AnApprovalRequestAndItsDecisionEachSendOneEvent()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var requested = await SubscribeAsync(org, "approval.requested");
        var decided = await SubscribeAsync(org, "approval.decided");
        using var member = await Chat.StartAsync(Host, org, "member");
        using var admin = await Chat.StartAsync(Host, org, "admin");
        await member.Send("open a ticket: duplicate of #0");
        await member.ExpectReply("#1");

        await member.Send("delete ticket 1");
        await member.ExpectReply("needs approval");
        var asked = await DeliveredOnceAsync(org, requested, "approval.requested");
        Assert.Empty(Receiver.To(decided.Path));
        await admin.Submit(ApprovalCard.Data(await admin.ExpectCard("Approve"), "approve"));
        await admin.ExpectReply("Approved");

        var answered = await DeliveredOnceAsync(org, decided, "approval.decided");
        Assert.Equal(("delete_ticket", "pending", org.Members["member"]),
            (asked["approval"]!["tool"]!.GetValue<string>(), asked["approval"]!["status"]!.GetValue<string>(), asked["approval"]!["requestedById"]!.GetValue<Guid>()));
        Assert.Equal(asked["approval"]!["id"]!.GetValue<Guid>(), answered["approval"]!["id"]!.GetValue<Guid>());
        Assert.Equal("executed", answered["approval"]!["status"]!.GetValue<string>());
        Assert.Equal(org.Members["admin"], answered["approval"]!["decidedById"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task MovingALeadSendsOneLeadMovedWithBothStages()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var moved = await SubscribeAsync(org, "lead.moved");
        using var chat = await Chat.StartAsync(Host, org, "member");
        await chat.Send("add a lead: Jo Park from Initech");
        await chat.ExpectReply("Added lead Jo Park (Initech)");

        await chat.Send("move lead Jo Park to qualified");
        await chat.ExpectReply("from new to qualified");

        var data = await DeliveredOnceAsync(org, moved, "lead.moved");
        Assert.Equal(("new", "qualified"), (data["from"]!.GetValue<string>(), data["to"]!.GetValue<string>()));
        Assert.Equal("Jo Park", data["lead"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task BookingAMeetingSendsOneEventBookedWithItsAttendees()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var booked = await SubscribeAsync(org, "event.booked");
        using var chat = await Chat.StartAsync(Host, org, "member");
        await chat.Send("set my time zone to Europe/Berlin");
        await chat.ExpectReply("Your time zone is now Europe/Berlin");

        await chat.Send("schedule a meeting with Ada next Tuesday at 3pm for 30 minutes about budget");
        await chat.ExpectReply("Booked #1 budget (meeting)");

        var data = await DeliveredOnceAsync(org, booked, "event.booked");
        Assert.Equal(("budget", 1, "meeting"),
            (data["event"]!["title"]!.GetValue<string>(), data["event"]!["number"]!.GetValue<int>(), data["event"]!["kind"]!.GetValue<string>()));
        Assert.Contains(org.Members["admin"], data["attendees"]!.AsArray().Select(a => a!.GetValue<Guid>()));
    }

    [Fact]
    public async Task AnUploadedDocumentSendsOneDocumentAddedWithoutAPrivateTitle()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var added = await SubscribeAsync(org, "document.added");
        using var chat = await Chat.StartAsync(Host, org, "member");

        var upload = await chat.Upload("printer-notes.txt", "text/plain", "Tray 2 jams when the paper is damp."u8.ToArray(), "Printer notes");
        Assert.True(upload.IsSuccessStatusCode, upload.StatusCode.ToString());
        await chat.ExpectReply("Saved [Printer notes]");

        var data = await DeliveredOnceAsync(org, added, "document.added");
        Assert.Equal("private", data["document"]!["visibility"]!.GetValue<string>());
        Assert.Null(data["document"]!["title"]);
        Assert.Equal(org.Members["member"], data["document"]!["ownerId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task ATicketPastItsResolutionTargetSendsOneSlaBreachedThoughTwoScansSeeIt()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var breached = await SubscribeAsync(org, "sla.breached");
        using var admin = await Chat.StartAsync(Host, org, "admin");
        using var chat = await Chat.StartAsync(Host, org, "member");
        await admin.Send("set sla for high to 10 minutes response and 60 minutes resolution");
        await admin.ExpectReply("60 minutes");
        await chat.Send("open a ticket: mail server rejects every message, high priority");
        await chat.ExpectReply("#1");
        await chat.Send("take ticket 1");
        await chat.ExpectReply("Assigned");
        // The resolution target passed a minute ago, so the scan at the real time finds the breach.
        var now = DateTimeOffset.UtcNow;
        await Host.InOrganizationAsync(org.Id, db => db.TicketSlas.ExecuteUpdateAsync(s => s
            .SetProperty(t => t.ResolutionWarnAt, now.AddMinutes(-5)).SetProperty(t => t.ResolutionDueAt, now.AddMinutes(-1))));
        var scan = Host.Services.GetRequiredService<SlaScan>();

        await Task.WhenAll(scan.ScanAsync(now, CancellationToken.None), scan.ScanAsync(now, CancellationToken.None));

        var data = await DeliveredOnceAsync(org, breached, "sla.breached");
        Assert.Equal((1, "resolution"), (data["ticket"]!["number"]!.GetValue<int>(), data["target"]!.GetValue<string>()));
        await chat.ExpectReply("SLA breached: ticket #1");
    }

    private sealed record Subscription(Guid Id, string Path, string Secret);

    private async Task<Subscription> SubscribeAsync(TestOrganization org, string eventType)
    {
        var path = $"/{eventType}-{Guid.NewGuid():N}";
        using var admin = await AdminKeys.ClientAsync(Host, org, "admin");
        using var response = await admin.PostAsJsonAsync($"{AdminKeys.Base(org)}/webhooks", new { url = Receiver.Url(path), events = new[] { eventType } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return new Subscription(body["id"]!.GetValue<Guid>(), path, body["signingSecret"]!.GetValue<string>());
    }

    /// <summary>
    /// The one delivery of <paramref name="eventType"/>: signed with the subscription's secret, its headers matching its
    /// body, sent on the first attempt, and the only outbox row the subscription has. Returns the event's data.
    /// </summary>
    private async Task<JsonNode> DeliveredOnceAsync(TestOrganization org, Subscription subscription, string eventType)
    {
        var delivery = (await Receiver.WaitForAsync(subscription.Path)).Single();
        Assert.True(Signatures.Verify(delivery.Header("X-OperatorOne-Signature"), subscription.Secret, delivery.Body), $"{eventType} is not signed");
        Assert.Equal(eventType, delivery.Header("X-OperatorOne-Event"));
        var body = JsonNode.Parse(delivery.Text)!;
        Assert.Equal(eventType, body["type"]!.GetValue<string>());
        Assert.Equal(org.Id, body["organizationId"]!.GetValue<Guid>());
        Assert.Equal(delivery.Header("X-OperatorOne-Event-Id"), body["id"]!.GetValue<string>());
        var row = await SentAsync(org, subscription);
        Assert.Equal(1, row.Attempts);
        Assert.Single(Receiver.To(subscription.Path));
        return body["data"]!;
    }

    /// <summary>The subscription's single outbox row once the outbox has recorded it sent (it records after the receiver answers).</summary>
    private async Task<OutboxMessage> SentAsync(TestOrganization org, Subscription subscription)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var rows = await Host.InOrganizationAsync(org.Id, db => db.OutboxMessages.AsNoTracking()
                .Where(m => m.WebhookSubscriptionId == subscription.Id).ToListAsync());
            var row = Assert.Single(rows);
            if (row.Status == OutboxStatus.Sent)
            {
                return row;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The delivery stayed {row.Status}: {row.LastError}");
            await Task.Delay(50);
        }
    }
}
