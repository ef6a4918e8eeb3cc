using System.Diagnostics;
using System.Net;
using OperatorOne.Data.Channels;
using OperatorOne.Tests.Ai;
using OperatorOne.Tests.Slack;
using OperatorOne.Tests.Teams;
using KillPoint = OperatorOne.Tests.Resilience.ReplicaKillTests.KillPoint;

namespace OperatorOne.Tests.Resilience;

/// <summary>
/// One kill point of <see cref="ReplicaKillTests"/>: a fresh organization on four channels, a victim replica that takes
/// one turn from each while the model holds its answers, is brought to the point and killed; then the survivor must
/// finish every turn exactly once.
/// </summary>
internal sealed class KillScenario(KillPoint point, SharedStore store, HttpClient http, OpenAiStandIn model, SlackStandIn slack, TeamsCloud teams,
    BotProcess survivor, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    // Letters only: digits in a title could read as a phone number, which the redactor masks before the model sees it.
    private readonly string _tag = string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + (b % 26))));

    /// <summary>From the kill until every turn the victim had accepted was settled by the survivor.</summary>
    public TimeSpan Takeover { get; private set; }

    /// <summary>From the kill until every channel had its reply and the outbox was empty.</summary>
    public TimeSpan Answered { get; private set; }

    private string Title(string channel) => $"kill {point.ToString().ToLowerInvariant()} {channel} {_tag}";

    public async Task RunAsync(IReadOnlyDictionary<string, string> victimSettings, TimeSpan startup)
    {
        var s = survivor.BaseAddress;
        var channels = await FourChannels.CreateAsync(http, store);
        var org = channels.Organization.Id;
        // Conversations start on the survivor: the victim is to see the four message turns and nothing else.
        var chat = await ReplicaChat.StartAsync(http, s, channels.Organization, "member");
        var call = channels.Call();
        var gather = await call.IncomingAsync(s);
        var teamsConversation = $"a:1{Guid.NewGuid():N}";

        await using var victim = BotProcess.Start(store.RuntimeConnection, victimSettings);
        await victim.WaitUntilReadyAsync(http, startup);
        var v = victim.BaseAddress;
        model.Reset();
        model.Hold();
        var teamsAck = channels.TeamsAsync(v, teams, teamsConversation, TicketModel.Prefix + Title(ChannelNames.Teams));
        var slackAck = channels.SlackAsync(v, TicketModel.Prefix + Title(ChannelNames.Slack));
        var chatAck = chat.SendAsync(TicketModel.Prefix + Title(ChannelNames.WebChat), v);
        var phoneAck = call.SayAsync(v, gather, TicketModel.Prefix + Title(ChannelNames.Voice));
        await Task.WhenAll(teamsAck, slackAck, chatAck, phoneAck);

        // Every channel was acknowledged while the model still held the turn, and every turn was stored first.
        Assert.Equal(HttpStatusCode.OK, await teamsAck);
        Assert.Equal(HttpStatusCode.OK, await slackAck);
        var posted = await chatAck;
        var hold = await phoneAck;
        Assert.NotNull(ReplicaCall.Redirect(hold));
        await WaitForAsync(() => Task.FromResult(model.Requests.Count >= 4 ? "asked" : null), "the four turns to reach the model",
            () => $"the model saw {string.Join(" | ", model.Requests.Select(r => r["messages"]?.AsArray().LastOrDefault()?["content"]?.ToJsonString()))}; the victim said:\n{victim.Output}");
        var accepted = await store.RowsAsync($"SELECT channel, claimed_by FROM accepted_turns WHERE organization_id = '{org}' AND status = 'Pending'",
            r => (Channel: r.GetString(0), ClaimedBy: r.GetString(1)));
        Assert.Equal([ChannelNames.Teams, ChannelNames.Slack, ChannelNames.Voice, ChannelNames.WebChat], accepted.Select(a => a.Channel).Order());
        Assert.All(accepted, a => Assert.Contains($"/{victim.ProcessId}/", a.ClaimedBy, StringComparison.Ordinal));

        await BringToPointAsync(victim, org);
        var killed = Stopwatch.StartNew();
        victim.Kill();
        output.WriteLine($"{point}: killed {v} (pid {victim.ProcessId})");
        model.Release();

        await WaitForAsync(async () => await store.CountAsync(
            $"SELECT count(*) FROM accepted_turns WHERE organization_id = '{org}' AND status = 'Pending'") == 0 ? "settled" : null, "the accepted turns to be settled");
        Takeover = killed.Elapsed;

        // The caller on hold asks again — a live replica takes the redirect — and hears the answer.
        var heard = hold;
        while (!ReplicaCall.Spoken(heard).Contains(TicketModel.DonePrefix, StringComparison.Ordinal))
        {
            Assert.True(ReplicaCall.Redirect(heard) is not null, $"The caller was not answered: {heard}");
            heard = await call.FollowAsync(s, heard);
        }
        await WaitForAsync(async () => TeamsReplies(teamsConversation).Count >= 1 && SlackReplies(channels.SlackDm).Count >= 1
            && await WebChatRepliesAsync(chat.ConversationId, posted) >= 1
            && await store.CountAsync($"SELECT count(*) FROM outbox_messages WHERE organization_id = '{org}' AND status = 'Pending'") == 0
            ? "answered" : null, "every channel's reply");
        Answered = killed.Elapsed;

        await AssertExactlyOnceAsync(channels, teamsConversation, chat.ConversationId, posted, call.FirstStep);
    }

    /// <summary>Takes the victim from "acknowledged, the model holding" to the kill point, and checks it is there.</summary>
    private async Task BringToPointAsync(BotProcess victim, Guid org)
    {
        switch (point)
        {
            case KillPoint.Acknowledged:
                // A slow model: nothing committed yet.
                Assert.Equal(0, await store.CountAsync($"SELECT count(*) FROM tickets WHERE organization_id = '{org}'"));
                break;
            case KillPoint.Committed:
                model.Release();
                var halted = await victim.HaltedAsync("committed", 4, Patience);
                Assert.Equal([ChannelNames.Teams, ChannelNames.Slack, ChannelNames.Voice, ChannelNames.WebChat], halted.Select(l => l.Split(' ')[3]).Order());
                Assert.Equal(4, await store.CountAsync($"SELECT count(*) FROM tickets WHERE organization_id = '{org}'"));
                break;
            case KillPoint.Delivering:
                model.Release();
                var delivering = await victim.HaltedAsync("delivering", 2, Patience);
                Assert.Equal([ChannelNames.Teams, ChannelNames.Slack], delivering.Select(l => l.Split(' ')[3]).Order());
                // Web chat and the phone have their replies with the commit (the log, the transcript): those turns finish.
                await WaitForAsync(async () => await store.CountAsync(
                    $"SELECT count(*) FROM accepted_turns WHERE organization_id = '{org}' AND status = 'Pending'") == 2 ? "two left" : null,
                    "the web chat and phone turns to finish on the victim");
                Assert.Equal(2, await store.CountAsync(
                    $"SELECT count(*) FROM outbox_messages WHERE organization_id = '{org}' AND status = 'Pending' AND claimed_by LIKE '%/{victim.ProcessId}/%'"));
                break;
        }
    }

    private async Task AssertExactlyOnceAsync(FourChannels channels, string teamsConversation, string chatConversation, string posted, string callStep)
    {
        var org = channels.Organization.Id;
        var tickets = await store.RowsAsync($"SELECT title, count(*) FROM tickets WHERE organization_id = '{org}' GROUP BY title",
            r => (Title: r.GetString(0), Count: r.GetInt64(1)));
        Assert.Equal(new[] { ChannelNames.Teams, ChannelNames.Slack, ChannelNames.WebChat, ChannelNames.Voice }.Select(Title).Order(),
            tickets.Select(t => t.Title.ToLowerInvariant()).Order()); // The tool capitalizes a title's first letter.
        Assert.All(tickets, t => Assert.Equal(1, t.Count));

        var teamsReplies = TeamsReplies(teamsConversation);
        Assert.Single(teamsReplies);
        Assert.StartsWith(TicketModel.DonePrefix, teamsReplies[0].Text, StringComparison.Ordinal);
        var slackReplies = SlackReplies(channels.SlackDm);
        Assert.Single(slackReplies);
        Assert.StartsWith(TicketModel.DonePrefix, slackReplies[0].Arguments["text"]?.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await WebChatRepliesAsync(chatConversation, posted));
        Assert.Equal(1, await store.CountAsync($"""
            SELECT count(*) FROM transcript_messages WHERE organization_id = '{org}' AND direction = 'Outbound' AND activity->>'replyToId' = '{callStep}'
            """));

        // Every turn was taken in once, and nothing is left waiting: no stored turn, no outbox row.
        var inbound = await store.RowsAsync($"""
            SELECT activity_id, count(*) FROM transcript_messages
            WHERE organization_id = '{org}' AND direction = 'Inbound' AND activity->>'type' = 'message' GROUP BY activity_id
            """, r => r.GetInt64(1));
        Assert.Equal(4, inbound.Count);
        Assert.All(inbound, count => Assert.Equal(1, count));
        Assert.Equal(["Done"], await store.RowsAsync($"SELECT DISTINCT status FROM accepted_turns WHERE organization_id = '{org}'", r => r.GetString(0)));
        Assert.Equal(0, await store.CountAsync($"SELECT count(*) FROM outbox_messages WHERE organization_id = '{org}' AND status <> 'Sent'"));
    }

    private List<ConnectorCall> TeamsReplies(string conversation) => teams.Calls
        .Where(c => c.Path.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal) && c.Body["type"]?.ToString() == "message").ToList();

    private List<SlackCall> SlackReplies(string channel) =>
        slack.Calls.Where(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == channel).ToList();

    private Task<long> WebChatRepliesAsync(string conversation, string posted) => store.CountAsync($"""
        SELECT count(*) FROM direct_line_activities WHERE conversation_id = '{conversation}' AND activity->>'type' = 'message'
          AND activity->'from'->>'role' = 'bot' AND activity->>'replyToId' = '{posted}'
        """);

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what, Func<string>? detail = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}. {detail?.Invoke()}");
            }
            await Task.Delay(100);
        }
    }
}
