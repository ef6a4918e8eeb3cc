using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Data.Outbox;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Integrations;

/// <summary>An n8n-style receiver subscribed to the organization's events: signed deliveries through the outbox, retries, 410, the log and replay.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class WebhookTests(IntegrationsFixture fixture)
{
    private BotHost Host => fixture.Host;
    private LocalReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task ATicketOpenedInChatReachesTheSubscribedReceiverSignedAndOnce()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var path = $"/n8n-{Guid.NewGuid():N}/webhook";
        var (subscription, secret) = await SubscribeAsync(org, path, "ticket.created", "ticket.closed");
        using var chat = await Chat.StartAsync(Host, org, "member");

        await chat.Send("open a ticket: printer on floor 2 is jammed");
        await chat.ExpectReply("Opened ticket #1");

        var delivery = (await Receiver.WaitForAsync(path)).Single();
        Assert.True(Signatures.Verify(delivery.Header("X-OperatorOne-Signature"), secret, delivery.Body));
        Assert.Equal("ticket.created", delivery.Header("X-OperatorOne-Event"));
        var body = JsonNode.Parse(delivery.Text)!;
        Assert.Equal("ticket.created", body["type"]!.GetValue<string>());
        Assert.Equal(delivery.Header("X-OperatorOne-Event-Id"), body["id"]!.GetValue<string>());
        Assert.Equal("printer on floor 2 is jammed", body["data"]!["ticket"]!["title"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal(org.Members["member"], body["data"]!["by"]!.GetValue<Guid>());
        using var admin = await AdminKeys.ClientAsync(Host, org, "admin");
        var log = await LogAsync(admin, org, subscription);
        Assert.Equal("Sent", log.Single()!["status"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal("HTTP 200", log.Single()!["answer"]!.GetValue<string>());

        // Not subscribed to updates: a comment sends nothing; closing does.
        await chat.Send("comment on 1: rebooted it");
        await chat.ExpectReply("Added your comment");
        await chat.Send("close ticket 1");
        await chat.ExpectReply("#1");
        var both = await Receiver.WaitForAsync(path, 2);
        Assert.Equal(["ticket.created", "ticket.closed"], both.Select(d => d.Header("X-OperatorOne-Event")));
    }

    [Fact]
    public async Task AReceiverThatFailsIsRetriedAndADeliveryCanBeReplayedWithTheSameEventId()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var path = $"/flaky-{Guid.NewGuid():N}";
        var calls = 0;
        Receiver.Answers[path] = _ => Interlocked.Increment(ref calls) == 1 ? new ReceiverAnswer(503, "busy") : new ReceiverAnswer(204, "");
        var (subscription, secret) = await SubscribeAsync(org, path, "ticket.created");
        using var chat = await Chat.StartAsync(Host, org, "member");
        using var admin = await AdminKeys.ClientAsync(Host, org, "admin");

        await chat.Send("open a ticket: VPN drops every hour");
        await chat.ExpectReply("Opened ticket");
        var tries = await Receiver.WaitForAsync(path, 2, TimeSpan.FromSeconds(30));
        Assert.Equal(tries[0].Text, tries[1].Text);
        Assert.Equal(tries[0].Header("X-OperatorOne-Delivery"), tries[1].Header("X-OperatorOne-Delivery"));
        var log = await WaitForLogAsync(admin, org, subscription, l => l.Single()!["status"]!.GetValue<string>() == "sent");
        Assert.Equal(2, log.Single()!["attempts"]!.GetValue<int>());

        using var replay = await admin.PostAsync($"{AdminKeys.Base(org)}/webhooks/{subscription}/deliveries/{log.Single()!["id"]}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);

        var again = (await Receiver.WaitForAsync(path, 3))[2];
        Assert.Equal(tries[0].Header("X-OperatorOne-Event-Id"), again.Header("X-OperatorOne-Event-Id"));
        Assert.NotEqual(tries[0].Header("X-OperatorOne-Delivery"), again.Header("X-OperatorOne-Delivery"));
        Assert.True(Signatures.Verify(again.Header("X-OperatorOne-Signature"), secret, again.Body));
    }

    [Fact]
    public async Task AReceiverAnswering410StopsTheSubscriptionAndLaterEventsAreNotQueued()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var path = $"/gone-{Guid.NewGuid():N}";
        Receiver.Answers[path] = _ => new ReceiverAnswer(410, "gone");
        var (subscription, _) = await SubscribeAsync(org, path, "ticket.created");
        using var chat = await Chat.StartAsync(Host, org, "member");
        using var admin = await AdminKeys.ClientAsync(Host, org, "admin");

        await chat.Send("open a ticket: first");
        await chat.ExpectReply("Opened ticket #1");
        await WaitForLogAsync(admin, org, subscription, l => l.Single()!["status"]!.GetValue<string>() == "dead");
        var hook = await admin.GetFromJsonAsync<JsonObject>($"{AdminKeys.Base(org)}/webhooks/{subscription}");
        await chat.Send("open a ticket: second");
        await chat.ExpectReply("Opened ticket #2");

        Assert.False(hook!["active"]!.GetValue<bool>());
        Assert.Contains("410", hook["stoppedReason"]!.GetValue<string>());
        Assert.Single(Receiver.To(path));
        var queued = await Host.InOrganizationAsync(org.Id, db => db.OutboxMessages.CountAsync(m => m.WebhookSubscriptionId == subscription));
        Assert.Equal(1, queued);
    }

    [Fact]
    public async Task AnAdminSubscribesInChatThroughAnApprovalAndReadsTheDeliveryLog()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var path = $"/chat-{Guid.NewGuid():N}";
        using var ada = await Chat.StartAsync(Host, org, "admin");
        using var alan = await Chat.StartAsync(Host, org, "admin2");
        await alan.Send("hi");
        await alan.ExpectReply("Hi Alan");

        await ada.Send($"send ticket created and approval requested events to {Receiver.Url(path)}");
        await ada.ExpectReply("needs approval");
        var card = await alan.ExpectCard("Send ticket created and approval requested events to 127.0.0.1");
        await alan.Submit(ApprovalCard.Data(card, "approve"));
        await ada.ExpectReply("Webhook 1");
        await ada.Send("open a ticket: projector is dead");
        await ada.ExpectReply("Opened ticket");
        await Receiver.WaitForAsync(path);
        await ada.Send("list integrations");
        await ada.ExpectReply("webhook 1: 127.0.0.1 gets ticket.created, approval.requested");
        await ada.Send("show the deliveries of webhook 1");
        var log = await ada.ExpectReply("Recent deliveries");

        Assert.Contains("ticket.created, delivered (HTTP 200)", log["text"]!.GetValue<string>());
        await ada.Send("resume webhook 7");
        await ada.ExpectReply("There is no webhook 7");
    }

    [Fact]
    public async Task TheDeliveryLogInChatShowsItsTimesOnTheReadersClock()
    {
        var org = await TestOrganization.CreateAsync(Host);
        var (subscription, _) = await SubscribeAsync(org, $"/clock-{Guid.NewGuid():N}", "ticket.created");
        var sent = new DateTimeOffset(2026, 12, 7, 14, 5, 0, TimeSpan.Zero);
        // Far off, so the outbox leaves the retry waiting while the log is read.
        var retry = new DateTimeOffset(2030, 1, 1, 2, 30, 0, TimeSpan.Zero);
        await Host.InOrganizationAsync(org.Id, async db =>
        {
            await db.Members.Where(m => m.Id == org.Members["admin"]).ExecuteUpdateAsync(m => m.SetProperty(x => x.TimeZone, "Asia/Tokyo"));
            var delivered = OutboxWriter.Webhook(db, org.Id, subscription, """{"type":"ping"}""", sent);
            delivered.Status = OutboxStatus.Sent;
            delivered.Attempts = 1;
            delivered.SentAt = sent;
            delivered.SentActivityId = "HTTP 200";
            var retrying = OutboxWriter.Webhook(db, org.Id, subscription, """{"type":"ticket.created"}""", sent);
            retrying.Attempts = 2;
            retrying.LastError = "HTTP 503";
            retrying.NextAttemptAt = retry;
            return await db.SaveChangesAsync();
        });
        using var ada = await Chat.StartAsync(Host, org, "admin");

        await ada.Send("show the deliveries of webhook 1");
        var log = (await ada.ExpectReply("Recent deliveries"))["text"]!.GetValue<string>();

        Assert.Contains("ping, delivered (HTTP 200) at 2026-12-07 23:05 Asia/Tokyo", log, StringComparison.Ordinal);
        Assert.Contains("ticket.created, retrying (2 attempts, last: HTTP 503) at 2030-01-01 11:30 Asia/Tokyo", log, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReceiverThatHoldsItsAnswerHoldsUpNoOtherDelivery()
    {
        var (heldOrg, promptOrg) = (await TestOrganization.CreateAsync(Host), await TestOrganization.CreateAsync(Host));
        var (heldPath, promptPath) = ($"/held-{Guid.NewGuid():N}", $"/prompt-{Guid.NewGuid():N}");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Receiver.Answers[heldPath] = _ => new ReceiverAnswer(204, "") { HeldUntil = release.Task };
        var (held, _) = await SubscribeAsync(heldOrg, heldPath, "ticket.created");
        await SubscribeAsync(promptOrg, promptPath, "ticket.created");
        using var heldChat = await Chat.StartAsync(Host, heldOrg, "member");
        using var promptChat = await Chat.StartAsync(Host, promptOrg, "member");
        using var admin = await AdminKeys.ClientAsync(Host, heldOrg, "admin");
        try
        {
            await heldChat.Send("open a ticket: the receiver of this one takes its time");
            await heldChat.ExpectReply("Opened ticket");
            await Receiver.WaitForAsync(heldPath);

            // Queued after the held one was claimed: the outbox claims it while the first still waits for its answer.
            await promptChat.Send("open a ticket: this one is wanted now");
            await promptChat.ExpectReply("Opened ticket");
            await Receiver.WaitForAsync(promptPath, timeout: TimeSpan.FromSeconds(30));
            var log = await LogAsync(admin, heldOrg, held);
            Assert.Equal("pending", log.Single()!["status"]!.GetValue<string>(), ignoreCase: true);
            Assert.Equal(0, log.Single()!["attempts"]!.GetValue<int>());
        }
        finally
        {
            release.SetResult();
        }
        await WaitForLogAsync(admin, heldOrg, held, l => l.Single()!["status"]!.GetValue<string>() == "sent");
    }

    private async Task<(Guid Id, string Secret)> SubscribeAsync(TestOrganization org, string path, params string[] events)
    {
        using var admin = await AdminKeys.ClientAsync(Host, org, "admin");
        using var response = await admin.PostAsJsonAsync($"{AdminKeys.Base(org)}/webhooks", new { url = Receiver.Url(path), events });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (body["id"]!.GetValue<Guid>(), body["signingSecret"]!.GetValue<string>());
    }

    private static async Task<JsonArray> LogAsync(HttpClient admin, TestOrganization org, Guid subscription) =>
        (await admin.GetFromJsonAsync<JsonArray>($"{AdminKeys.Base(org)}/webhooks/{subscription}/deliveries"))!;

    private static async Task<JsonArray> WaitForLogAsync(HttpClient admin, TestOrganization org, Guid subscription, Func<JsonArray, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var log = await LogAsync(admin, org, subscription);
            if (log.Count > 0 && done(log))
            {
                return log;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"The delivery log never got there: {log.ToJsonString()}");
            }
            await Task.Delay(100);
        }
    }
}
