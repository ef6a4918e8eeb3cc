using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Channels.WebChat;
using OperatorOne.Data.WebChat;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.WebChat;

[Collection(BotCollection.Name)]
public sealed class DirectLineStreamTests(BotHost host)
{
    [Fact]
    public async Task TheStreamDeliversTheEchoAndTheBotReply()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync(organization, "member");
        var streamUrl = await StreamUrlAsync(client, token);
        using var socket = await ConnectAsync(streamUrl);

        var posted = await client.PostActivityAsync(conversationId, token, DirectLineClient.Message("help", "over-the-socket"));
        var id = (await DirectLineClient.JsonAsync(posted))["id"]!.GetValue<string>();
        var received = await ReceiveUntilAsync(socket, all => all.Any(a => a["replyToId"]?.GetValue<string>() == id));

        var echo = Assert.Single(received, a => a["id"]!.GetValue<string>() == id);
        Assert.Equal("over-the-socket", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("bot", received.Single(a => a["replyToId"]?.GetValue<string>() == id)["from"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task TwoSocketsOnOneConversationBothReceiveAProactiveMessageAndItsUpdateUnderTheSameId()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync(organization, "admin");
        var streamUrl = await StreamUrlAsync(client, token);
        using var firstTab = await ConnectAsync(streamUrl);
        using var secondTab = await ConnectAsync(streamUrl);
        var sender = host.Services.GetServices<IChannelSender>().Single(s => s.Channel == "webchat");
        var reference = new ConversationReference { ChannelId = "webchat", Conversation = new ConversationAccount { Id = conversationId } };

        var sent = Assert.IsType<DeliveryResult.Delivered>(await sender.SendAsync(reference, Activity.Message("Approval needed"), CancellationToken.None));
        var updated = Assert.IsType<DeliveryResult.Delivered>(
            await sender.UpdateAsync(reference, sent.ActivityId, Activity.Message("Approved by Ada"), CancellationToken.None));

        Assert.Equal(sent.ActivityId, updated.ActivityId);
        foreach (var tab in new[] { firstTab, secondTab })
        {
            var received = await ReceiveUntilAsync(tab, all => all.Any(a => a["text"]?.GetValue<string>() == "Approved by Ada"));
            Assert.Equal(["Approval needed", "Approved by Ada"],
                received.Where(a => a["id"]!.GetValue<string>() == sent.ActivityId).Select(a => a["text"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task AnActivityAnotherReplicaAppendsReachesAnOpenStreamPromptly()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync(organization, "member");
        using var socket = await ConnectAsync(await StreamUrlAsync(client, token));
        var started = DateTime.UtcNow;

        // Written straight to the store, as another replica would: only PostgreSQL's NOTIFY (or the poll) can wake us.
        await host.InOrganizationAsync(organization.Id, async db =>
        {
            var sequence = await db.DirectLineConversations.Where(c => c.Id == conversationId).Select(c => c.LastSequence).SingleAsync() + 1;
            db.DirectLineActivities.Add(new DirectLineActivity
            {
                OrganizationId = organization.Id, ConversationId = conversationId, Sequence = sequence,
                ActivityId = $"{conversationId}|elsewhere", CreatedAt = DateTimeOffset.UtcNow,
                Activity = $$$"""{"type":"message","id":"{{{conversationId}}}|elsewhere","text":"from another replica","from":{"id":"operatorone","role":"bot"}}""",
            });
            await db.DirectLineConversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(u => u.SetProperty(c => c.LastSequence, sequence));
            return await db.SaveChangesAsync();
        });
        var received = await ReceiveUntilAsync(socket, all => all.Any(a => a["text"]?.GetValue<string>() == "from another replica"));

        Assert.Contains(received, a => a["id"]!.GetValue<string>() == $"{conversationId}|elsewhere");
        // The NOTIFY wakes the stream at once; the 2 s poll is only the fallback.
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), $"took {DateTime.UtcNow - started}");
    }

    [Fact]
    public async Task AStreamWithoutAValidTokenIsRefused()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, _) = await client.StartAsync(organization, "member");

        var forged = await client.GetAsync($"/v3/directline/conversations/{conversationId}/stream?t={WebChatTokens.Header}.e30.AAAA", credential: null);
        var missing = await client.GetAsync($"/v3/directline/conversations/{conversationId}/stream", credential: null);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
    }

    [Fact]
    public async Task TheDemoSignInIssuesATokenForASeededDemoMemberInDevelopment()
    {
        using var http = host.CreateClient();

        var response = await http.PostAsJsonAsync("/webchat/demo/token", new { member = "owner" });
        var unknown = await http.PostAsJsonAsync("/webchat/demo/token", new { member = "root" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineClient.JsonAsync(response);
        Assert.Equal("demo-owner", body["userId"]!.GetValue<string>());
        Assert.Equal("Olivia Owner", body["userName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task ThePageLoadsTheWebChatBundleAgainstOurDirectLine()
    {
        using var http = host.CreateClient();

        var page = await http.GetStringAsync("/");
        var script = await http.GetStringAsync("/webchat/page.js");

        Assert.Contains("/lib/webchat.js", page, StringComparison.Ordinal);
        Assert.Contains("/webchat/page.js", page, StringComparison.Ordinal);
        Assert.Contains("location.origin + '/v3/directline'", script, StringComparison.Ordinal);
    }

    private static async Task<Uri> StreamUrlAsync(DirectLineClient client, string token)
    {
        var started = await client.PostAsync("/v3/directline/conversations", token);
        started.EnsureSuccessStatusCode();
        return new Uri((await DirectLineClient.JsonAsync(started))["streamUrl"]!.GetValue<string>());
    }

    private static async Task<ClientWebSocket> ConnectAsync(Uri streamUrl)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(streamUrl, CancellationToken.None);
        return socket;
    }

    /// <summary>Collects streamed activities (skipping keep-alives) until <paramref name="done"/> holds or 15 s pass.</summary>
    private static async Task<List<JsonObject>> ReceiveUntilAsync(ClientWebSocket socket, Func<List<JsonObject>, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var received = new List<JsonObject>();
        var buffer = new byte[64 * 1024];
        while (!done(received))
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            if (frame.Length == 0)
            {
                continue;
            }
            var set = JsonNode.Parse(Encoding.UTF8.GetString(frame.ToArray()))!;
            Assert.NotNull(set["watermark"]);
            received.AddRange(set["activities"]!.AsArray().OfType<JsonObject>());
        }
        return received;
    }
}
