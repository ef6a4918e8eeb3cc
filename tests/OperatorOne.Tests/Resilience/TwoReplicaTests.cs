using Npgsql;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Resilience;

/// <summary>
/// Two real bot processes on one PostgreSQL database, one killed mid-burst: what the design promises about
/// replicas (PostgreSQL is the only shared state; a crash loses nothing and duplicates nothing) checked end to end.
/// </summary>
public sealed class TwoReplicaTests(ITestOutputHelper output)
{
    private const int Conversations = 8;
    private const int TicketsPerConversation = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Two cold starts on a shared 2-core machine can take long; the test's own steps wait with Patience.
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task AKilledReplicaLosesNoTurnAndNoOutboxMessageAndDuplicatesNothing()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var store = await SharedStore.CreateAsync();
        await BotProcess.MigrateAsync(store.AdminConnection);
        var settings = new Dictionary<string, string>
        {
            ["Work__ReplicaTimeoutSeconds"] = "3",
            ["Hosting__ShutdownTimeoutSeconds"] = "5",
            ["Limits__TurnsPerUserPerMinute"] = "10000",
            ["Limits__TurnsPerOrganizationPerMinute"] = "100000",
        };
        await using var first = BotProcess.Start(store.RuntimeConnection, settings);
        await using var second = BotProcess.Start(store.RuntimeConnection, settings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await Task.WhenAll(first.WaitUntilReadyAsync(http, StartupPatience), second.WaitUntilReadyAsync(http, StartupPatience));
        Uri a = first.BaseAddress, b = second.BaseAddress;
        output.WriteLine($"{clock.Elapsed}: both replicas ready");

        var org = await TestOrganization.CreateAsync(store.InOrganizationAsync);
        var requester = await ReplicaChat.StartAsync(http, a, org, "member");
        var admin = await ReplicaChat.StartAsync(http, b, org, "admin");
        var admin2 = await ReplicaChat.StartAsync(http, a, org, "admin2");
        var burst = new List<ReplicaChat>();
        for (var i = 0; i < Conversations; i++)
        {
            burst.Add(await ReplicaChat.StartAsync(http, i % 2 == 0 ? a : b, org, i % 2 == 0 ? "member" : "owner"));
        }
        var posted = new System.Collections.Concurrent.ConcurrentBag<string>();
        for (var n = 1; n <= 3; n++)
        {
            posted.Add(await requester.SendAsync($"open a ticket: approve me {n}", n % 2 == 0 ? a : b, n % 2 == 0 ? b : a));
        }

        // Approvals while both run: requested on one replica, both approvers click on both at once.
        foreach (var n in new[] { 2, 3 })
        {
            posted.Add(await requester.SendAsync($"delete ticket {n}", a, b));
            var approvalId = await ApprovalIdAsync(store, org, n - 1);
            var click = await admin.ExpectApprovalCardAsync(approvalId, a, b);
            var click2 = await admin2.ExpectApprovalCardAsync(approvalId, b, a);
            var clicks = await Task.WhenAll(admin.SubmitAsync(click, a, b), admin2.SubmitAsync(click2, b, a),
                admin.SubmitAsync(click.DeepClone().AsObject(), b, a), admin2.SubmitAsync(click2.DeepClone().AsObject(), a, b));
            clicks.ToList().ForEach(posted.Add);
        }

        output.WriteLine($"{clock.Elapsed}: two approvals decided on both replicas");
        // Hold the approver's Direct Line conversation so the replica delivering its next card is stuck holding the claim.
        await using var blocker = new NpgsqlConnection(store.AdminConnection);
        await blocker.OpenAsync();
        var hold = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT 1 FROM direct_line_conversations WHERE id = '{admin.ConversationId}' FOR UPDATE", blocker, hold))
        {
            await lockRow.ExecuteScalarAsync();
        }

        var sends = burst.Select((chat, c) => Task.Run(async () =>
        {
            for (var t = 0; t < TicketsPerConversation; t++)
            {
                var preferred = (c + t) % 2 == 0 ? a : b;
                posted.Add(await chat.SendAsync($"open a ticket: burst {c}-{t}", preferred, preferred == a ? b : a));
            }
        })).ToList();
        posted.Add(await requester.SendAsync("delete ticket 1", a, b));
        var pendingApproval = await ApprovalIdAsync(store, org, 3);

        var claimedBy = await WaitForAsync(async () => (await store.RowsAsync($"""
            SELECT o.claimed_by FROM outbox_messages o JOIN conversations c ON c.id = o.conversation_id
            WHERE o.organization_id = '{org.Id}' AND c.member_id = '{org.Members["admin"]}' AND o.status = 'Pending' AND o.claimed_by IS NOT NULL
            """, r => r.GetString(0))).FirstOrDefault());
        var victim = claimedBy.Contains($"/{first.ProcessId}/", StringComparison.Ordinal) ? first : second;
        var survivor = victim == first ? second : first;
        victim.Kill();
        output.WriteLine($"{clock.Elapsed}: killed {victim.BaseAddress} holding the claim {claimedBy}; {posted.Count} posts had been answered.");
        await hold.RollbackAsync();

        // The survivor takes the dead replica's claim after its lease; the approvers click there.
        var s = survivor.BaseAddress;
        var lateClick = await admin.ExpectApprovalCardAsync(pendingApproval, s);
        var lateClick2 = await admin2.ExpectApprovalCardAsync(pendingApproval, s);
        (await Task.WhenAll(admin.SubmitAsync(lateClick, s), admin2.SubmitAsync(lateClick2, s))).ToList().ForEach(posted.Add);
        await Task.WhenAll(sends);
        output.WriteLine($"{clock.Elapsed}: burst answered");
        await WaitForAsync(async () => await store.CountAsync(
            $"SELECT count(*) FROM outbox_messages WHERE organization_id = '{org.Id}' AND status <> 'Sent'") == 0 ? "drained" : null);
        Assert.False(survivor.HasExited, survivor.Output);
        output.WriteLine($"{clock.Elapsed}: outbox drained");

        // Every ticket creation ran once.
        var titles = await store.RowsAsync($"SELECT title, count(*) FROM tickets WHERE organization_id = '{org.Id}' AND title ILIKE 'burst %' GROUP BY title",
            r => (Title: r.GetString(0), Count: r.GetInt64(1)));
        Assert.Equal(Conversations * TicketsPerConversation, titles.Count);
        Assert.All(titles, t => Assert.Equal(1, t.Count));

        // Every posted activity was taken in once and answered once, in the transcript the turn commits with.
        var answers = await store.RowsAsync($"""
            SELECT i.activity_id, (SELECT count(*) FROM transcript_messages i2 WHERE i2.organization_id = i.organization_id AND i2.activity_id = i.activity_id AND i2.direction = 'Inbound'),
                   (SELECT count(*) FROM transcript_messages o WHERE o.organization_id = i.organization_id AND o.direction = 'Outbound' AND o.activity->>'replyToId' = i.activity_id)
            FROM transcript_messages i WHERE i.organization_id = '{org.Id}' AND i.direction = 'Inbound' AND i.activity->>'type' = 'message'
            """, r => (Id: r.GetString(0), Inbound: r.GetInt64(1), Replies: r.GetInt64(2)));
        var byId = answers.GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First());
        Assert.All(posted.Distinct(), id =>
        {
            Assert.True(byId.TryGetValue(id, out var answer), $"No turn for {id}");
            Assert.Equal(1, answer.Inbound);
            Assert.Equal(1, answer.Replies);
        });

        // The web chat log never shows a reply twice, nor an echo twice.
        Assert.Equal(0, await store.CountAsync($"""
            SELECT count(*) FROM (SELECT activity->>'replyToId' FROM direct_line_activities
              WHERE organization_id = '{org.Id}' AND activity->'from'->>'role' = 'bot' AND activity->>'replyToId' IS NOT NULL
              GROUP BY 1 HAVING count(*) > 1) AS repeated
            """));
        Assert.Equal(0, await store.CountAsync($"""
            SELECT count(*) FROM (SELECT client_activity_id FROM direct_line_activities
              WHERE organization_id = '{org.Id}' AND client_activity_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1) AS repeated
            """));

        // Every approval card reached each approver once (updates replace it under the same id), and every approval ran once.
        var approvals = await store.RowsAsync($"SELECT id, status FROM approval_requests WHERE organization_id = '{org.Id}'", r => (Id: r.GetGuid(0), Status: r.GetString(1)));
        Assert.Equal(3, approvals.Count);
        Assert.All(approvals, approval => Assert.Equal("Executed", approval.Status));
        foreach (var approval in approvals)
        {
            foreach (var approver in new[] { admin, admin2 })
            {
                Assert.Equal(1, await store.CountAsync($"""
                    SELECT count(DISTINCT activity_id) FROM direct_line_activities
                    WHERE conversation_id = '{approver.ConversationId}' AND activity->'from'->>'role' = 'bot' AND activity::text LIKE '%{approval.Id}%'
                    """));
            }
        }
        Assert.Equal(3, await store.CountAsync(
            $"SELECT count(*) FROM audit_events WHERE organization_id = '{org.Id}' AND kind = 'approved_tool_call' AND outcome = 'ok'"));
        Assert.Equal(0, await store.CountAsync($"SELECT count(*) FROM tickets WHERE organization_id = '{org.Id}' AND title ILIKE 'approve me %'"));
    }

    private static async Task<Guid> ApprovalIdAsync(SharedStore store, TestOrganization org, int number) =>
        Guid.Parse(await WaitForAsync(async () => (await store.RowsAsync(
            $"SELECT id::text FROM approval_requests WHERE organization_id = '{org.Id}' AND number = {number}", r => r.GetString(0))).FirstOrDefault()));

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
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
                throw new TimeoutException("The condition did not hold in time.");
            }
            await Task.Delay(100);
        }
    }
}
