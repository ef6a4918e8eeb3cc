using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Conversations;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.WebChat;

namespace OperatorOne.Tests.SlowTurns;

/// <summary>
/// A web chat turn that outlives WebChat:TurnBudget (the model is held): the post is answered at once, the stream
/// shows the bot typing, and the answer follows exactly once, also when the client retries the post meanwhile.
/// </summary>
[Collection(SlowTurnCollection.Name)]
public sealed class SlowWebChatTurnTests(SlowTurnFixture fixture)
{
    private const string Answer = "Your wifi ticket is with the service desk.";

    [Fact]
    public async Task APostIsAnsweredWhileTheModelIsStillThinkingThenTypingShowsAndTheAnswerArrivesExactlyOnceDespiteARetry()
    {
        var organization = await TestOrganization.CreateAsync(fixture.Host);
        using var client = new DirectLineClient(fixture.Host);
        var (conversationId, token, streamUrl) = await StartAsync(client, organization);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(streamUrl, CancellationToken.None);
        var message = DirectLineClient.Message("what should I do about the wifi", "slow-wifi");
        string echoId;

        using (fixture.HoldModel(Answer))
        {
            var posted = await client.PostActivityAsync(conversationId, token, message);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            echoId = (await DirectLineClient.JsonAsync(posted))["id"]!.GetValue<string>();
            await fixture.ModelAskedAsync();
            // The turn goes on detached from the post, counted in flight so a stopping replica waits for it.
            Assert.True(fixture.Host.Services.GetRequiredService<InFlightTurns>().Count > 0);

            var streamed = await ReceiveUntilAsync(socket, all => all.Any(IsBotTyping));
            Assert.DoesNotContain(streamed, a => a["replyToId"]?.GetValue<string>() == echoId);

            // Web Chat retries a post it got no answer to: the same activity, not a second turn.
            var retried = await client.PostActivityAsync(conversationId, token, message);
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
            Assert.Equal(echoId, (await DirectLineClient.JsonAsync(retried))["id"]!.GetValue<string>());
            Assert.Single(fixture.Model.Requests);
        }

        var answered = await ReceiveUntilAsync(socket, all => all.Any(a => a["replyToId"]?.GetValue<string>() == echoId));
        Assert.Contains(Answer, answered.Single(a => a["replyToId"]?.GetValue<string>() == echoId)["text"]!.GetValue<string>(), StringComparison.Ordinal);

        await fixture.IdleAsync();
        var activities = (await client.ActivitiesAsync(conversationId, token))["activities"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Single(activities, a => a["channelData"]?["clientActivityID"]?.GetValue<string>() == "slow-wifi");
        Assert.Single(activities, a => a["replyToId"]?.GetValue<string>() == echoId);
        var typing = activities.FindIndex(IsBotTyping);
        Assert.True(typing >= 0 && typing < activities.FindIndex(a => a["replyToId"]?.GetValue<string>() == echoId), "The typing comes before the answer.");
        Assert.Single(fixture.Model.Requests);
        var inbound = await fixture.Host.InOrganizationAsync(organization.Id, db =>
            db.TranscriptMessages.CountAsync(m => m.ActivityId == echoId && m.Direction == MessageDirection.Inbound));
        Assert.Equal(1, inbound);
    }

    private static bool IsBotTyping(JsonObject activity) =>
        activity["type"]?.GetValue<string>() == "typing" && activity["from"]?["role"]?.GetValue<string>() == "bot";

    private static async Task<(string ConversationId, string Token, Uri StreamUrl)> StartAsync(DirectLineClient client, TestOrganization organization)
    {
        var (conversationId, token) = await client.GenerateAsync(organization, "member");
        var started = await client.PostAsync("/v3/directline/conversations", token);
        started.EnsureSuccessStatusCode();
        return (conversationId, token, new Uri((await DirectLineClient.JsonAsync(started))["streamUrl"]!.GetValue<string>()));
    }

    /// <summary>Collects streamed activities (skipping keep-alives) until <paramref name="done"/> holds or 20 s pass.</summary>
    private static async Task<List<JsonObject>> ReceiveUntilAsync(ClientWebSocket socket, Func<List<JsonObject>, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
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
            if (frame.Length > 0)
            {
                received.AddRange(JsonNode.Parse(Encoding.UTF8.GetString(frame.ToArray()))!["activities"]!.AsArray().OfType<JsonObject>());
            }
        }
        return received;
    }
}
