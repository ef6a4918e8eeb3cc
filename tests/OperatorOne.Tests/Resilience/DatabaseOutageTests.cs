using System.Collections.Concurrent;
using System.Net;
using OperatorOne.Data.Embedded;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Resilience;

/// <summary>
/// The bot as its own process on a PostgreSQL cluster this test owns (stopping it harms no other test), killed with
/// <c>pg_ctl stop -m immediate</c> in the middle of a steady web chat stream and started again: while it is down every
/// post is answered 503 with Retry-After and nothing of ours in the body; the same process recovers by itself; and every
/// message, acknowledged at once or retried by the client after a 503, has its ticket and its reply exactly once.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Streams = 4;
    private const int SentAfterRecovery = 3;
    private const string Database = "operatorone";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly string[] Handles = ["member", "owner", "admin", "admin2"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"op1-outage-{Guid.NewGuid():N}", "postgres");
    private readonly ConcurrentQueue<Answer> _answers = new();
    private EmbeddedPostgres? _server;
    private volatile Phase _phase = Phase.Up;
    private long _downSince = long.MaxValue;
    private int _acknowledgedAfterRestart;

    private enum Phase { Up, Stopping, Down, Restarting, Restarted }

    private sealed record Answer(Phase Phase, HttpStatusCode Status, bool RetryAfter, string Body);

    // Durable, unlike the shared test cluster: an acknowledged commit must survive the crash, as it does in production.
    public async ValueTask InitializeAsync() =>
        _server = await EmbeddedPostgres.StartAsync(_folder, durable: true, maxConnections: 100, CancellationToken.None);

    [Fact]
    public async Task APostgresCrashMidStreamIsAnswered503AndEveryMessageEndsOnceAfterTheRestartWithoutRestartingTheBot()
    {
        var server = _server!;
        await server.EnsureDatabaseAsync(Database, CancellationToken.None);
        var store = new SharedStore(server.AdminConnectionString(Database), server.RuntimeConnectionString(Database));
        await BotProcess.MigrateAsync(store.AdminConnection);
        await using var bot = BotProcess.Start(store.RuntimeConnection, new Dictionary<string, string>
        {
            ["Limits__TurnsPerUserPerMinute"] = "10000",
            ["Limits__TurnsPerOrganizationPerMinute"] = "100000",
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await bot.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(120));
        var botProcess = bot.ProcessId;
        var org = await TestOrganization.CreateAsync(store.InOrganizationAsync);
        var chats = new List<ReplicaChat>();
        for (var i = 0; i < Streams; i++)
        {
            var chat = await ReplicaChat.StartAsync(http, bot.BaseAddress, org, Handles[i]);
            chat.Answered = RecordAsync;
            chats.Add(chat);
        }

        var acknowledged = new ConcurrentQueue<(string Title, string Id)>();
        var recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var streams = chats.Select((chat, c) => Task.Run(async () =>
        {
            var afterRecovery = 0;
            for (var t = 0; afterRecovery < SentAfterRecovery && t < 500; t++)
            {
                var title = $"stream {c}-{t}";
                acknowledged.Enqueue((title, await chat.SendAsync($"open a ticket: {title}", bot.BaseAddress)));
                afterRecovery += recovered.Task.IsCompleted ? 1 : 0;
            }
        })).ToList();

        await WaitForAsync(() => Task.FromResult(acknowledged.Count >= Streams * 2), "the stream to flow", streams);
        _phase = Phase.Stopping;
        await server.StopImmediatelyAsync(CancellationToken.None);
        Interlocked.Exchange(ref _downSince, System.Diagnostics.Stopwatch.GetTimestamp());
        _phase = Phase.Down;
        output.WriteLine($"PostgreSQL stopped after {acknowledged.Count} acknowledged posts");
        await WaitForAsync(() => Task.FromResult(_answers.Any(a => a.Phase == Phase.Down)), "a post answered while the database is down", streams);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri(bot.BaseAddress, "health/ready"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(bot.BaseAddress, "health/live"))).StatusCode);

        _phase = Phase.Restarting;
        await server.StartAgainAsync(CancellationToken.None);
        _phase = Phase.Restarted;
        await WaitForAsync(() => Task.FromResult(Volatile.Read(ref _acknowledgedAfterRestart) > 0), "a post acknowledged after the restart", streams);
        recovered.SetResult();
        output.WriteLine($"PostgreSQL back; {acknowledged.Count} acknowledged so far");
        await Task.WhenAll(streams);
        await WaitForAsync(async () => (await http.GetAsync(new Uri(bot.BaseAddress, "health/ready"))).StatusCode == HttpStatusCode.OK, "ready again", []);

        // Recovered by itself: the same process, never restarted.
        Assert.False(bot.HasExited, bot.Output);
        Assert.Equal(botProcess, bot.ProcessId);

        // While the database was down: 503 with Retry-After, in the Direct Line error shape, nothing of ours in it.
        var down = _answers.Where(a => a.Phase == Phase.Down).ToList();
        foreach (var phase in _answers.GroupBy(a => (a.Phase, a.Status)))
        {
            output.WriteLine($"{phase.Key.Phase}: {phase.Count()} x {(int)phase.Key.Status}");
        }
        Assert.All(down, a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status);
            Assert.True(a.RetryAfter, "A 503 without Retry-After.");
            Assert.Contains("\"ServiceError\"", a.Body, StringComparison.Ordinal);
            foreach (var internals in new[] { "Npgsql", "Exception", "Host=", "127.0.0.1", "5432", " at " })
            {
                Assert.DoesNotContain(internals, a.Body, StringComparison.OrdinalIgnoreCase);
            }
        });
        // Never a 500 or a 502: a refusal is a 503, which the client retries as the same activity.
        Assert.All(_answers, a => Assert.True(a.Status is < HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable,
            $"{a.Status} in phase {a.Phase}: {a.Body}"));

        await WaitForAsync(async () => await store.CountAsync(
            $"SELECT count(*) FROM outbox_messages WHERE organization_id = '{org.Id}' AND status <> 'Sent'") == 0, "the outbox to drain", []);
        await AssertEveryMessageEndedOnceAsync(store, org, acknowledged.ToList());
    }

    private static async Task AssertEveryMessageEndedOnceAsync(SharedStore store, TestOrganization org, List<(string Title, string Id)> acknowledged)
    {
        Assert.Equal(acknowledged.Count, acknowledged.Select(a => a.Title).Distinct().Count());
        var tickets = await store.RowsAsync($"SELECT title, count(*) FROM tickets WHERE organization_id = '{org.Id}' AND title ILIKE 'stream %' GROUP BY title",
            r => (Title: r.GetString(0).ToLowerInvariant(), Count: r.GetInt64(1)));
        var missing = acknowledged.Where(a => !tickets.Any(t => t.Title == a.Title)).ToList();
        if (missing.Count > 0)
        {
            // Say what became of each: its transcript row and the bot's answer, if any.
            var fates = new List<string>();
            foreach (var (title, id) in missing)
            {
                var said = await store.RowsAsync($"""
                    SELECT coalesce(activity->>'text', '(no text)') FROM direct_line_activities
                     WHERE organization_id = '{org.Id}' AND activity->>'replyToId' = '{id}'
                    """, r => r.GetString(0));
                var inbound = await store.CountAsync($"SELECT count(*) FROM transcript_messages WHERE organization_id = '{org.Id}' AND activity_id = '{id}' AND direction = 'Inbound'");
                fates.Add($"{title} ({id}): {inbound} inbound, answered [{string.Join(" | ", said)}]");
            }
            Assert.Fail($"{missing.Count} acknowledged messages made no ticket:\n{string.Join("\n", fates)}\ntickets: {string.Join(", ", tickets.Select(t => t.Title).Order())}");
        }
        Assert.Equal(acknowledged.Select(a => a.Title).Order(), tickets.Select(t => t.Title).Order());
        Assert.All(tickets, t => Assert.True(t.Count == 1, $"{t.Count} tickets titled {t.Title}"));

        var turns = await store.RowsAsync($"""
            SELECT i.activity_id, (SELECT count(*) FROM transcript_messages i2 WHERE i2.organization_id = i.organization_id AND i2.activity_id = i.activity_id AND i2.direction = 'Inbound'),
                   (SELECT count(*) FROM transcript_messages o WHERE o.organization_id = i.organization_id AND o.direction = 'Outbound' AND o.activity->>'replyToId' = i.activity_id)
            FROM transcript_messages i WHERE i.organization_id = '{org.Id}' AND i.direction = 'Inbound' AND i.activity->>'type' = 'message'
            """, r => (Id: r.GetString(0), Inbound: r.GetInt64(1), Replies: r.GetInt64(2)));
        var byId = turns.GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First());
        Assert.All(acknowledged, a =>
        {
            Assert.True(byId.TryGetValue(a.Id, out var turn), $"No turn for {a.Title} ({a.Id})");
            Assert.Equal(1, turn.Inbound);
            Assert.Equal(1, turn.Replies);
        });
        // What the client sees: each message once, each reply once.
        Assert.Equal(0, await store.CountAsync($"""
            SELECT count(*) FROM (SELECT activity->>'replyToId' FROM direct_line_activities
              WHERE organization_id = '{org.Id}' AND activity->'from'->>'role' = 'bot' AND activity->>'replyToId' IS NOT NULL
              GROUP BY 1 HAVING count(*) > 1) AS repeated
            """));
        var ids = string.Join(", ", acknowledged.Select(a => $"'{a.Id}'"));
        Assert.Equal(acknowledged.Count, await store.CountAsync($"""
            SELECT count(DISTINCT activity->>'replyToId') FROM direct_line_activities
             WHERE organization_id = '{org.Id}' AND activity->'from'->>'role' = 'bot' AND activity->>'replyToId' IN ({ids})
            """));
        Assert.Equal(0, await store.CountAsync($"""
            SELECT count(*) FROM (SELECT client_activity_id FROM direct_line_activities
              WHERE organization_id = '{org.Id}' AND client_activity_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1) AS repeated
            """));
    }

    private async Task RecordAsync(HttpResponseMessage response)
    {
        var phase = _phase;
        if (phase == Phase.Down && response.RequestMessage?.Options.TryGetValue(ReplicaChat.SentAt, out var sent) == true && sent < Interlocked.Read(ref _downSince))
        {
            // Sent before the stop had finished: it may have committed first, so a 200 is right; "down" means sent while down.
            phase = Phase.Stopping;
        }
        var body = await response.Content.ReadAsStringAsync();
        _answers.Enqueue(new Answer(phase, response.StatusCode, response.Headers.RetryAfter is not null, body));
        if (phase == Phase.Restarted && response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _acknowledgedAfterRestart);
        }
    }

    /// <summary>Waits for an event; a stream that failed meanwhile fails the wait with its own exception.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> probe, string what, IReadOnlyList<Task> streams)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await probe())
        {
            if (streams.FirstOrDefault(s => s.IsFaulted) is { } failed)
            {
                await failed;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited in vain for {what}.");
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        try
        {
            Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder lives under /tmp.
        }
    }
}
