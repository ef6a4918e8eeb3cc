using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Work;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Slack;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// A bot whose connection pool is much smaller than the turns that arrive at once, on Slack (a push channel: every reply
/// is delivered by the replica that ran the turn). The turns hold in the slow report tool until the test lets them go, so
/// the pool is full of running turns by construction, not by a clock: the turns past the replica's limit wait for a slot
/// without a connection, storing them uses the reserve, and every one is answered once. And an acknowledged turn whose
/// commit fails, and then the write that puts it back for another attempt fails too, still runs again at once rather than
/// when its claim dies (an hour here).
/// </summary>
[Collection(OverloadCollection.Name)]
public sealed class OverloadTests(OverloadFixture fixture)
{
    private const int Turns = 40;
    private const string Answer = "The slow report is ready";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private BotHost Host => fixture.Slack.Host;
    private SlackStandIn Slack => fixture.Slack.Slack;

    [Fact]
    public async Task ManyMoreSlackTurnsThanPooledConnectionsAreAllAcknowledgedAndEachAnsweredOnceWithoutAFailure()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture.Slack);
        var organization = workspace.Organization.Id;
        var admission = Host.Services.GetRequiredService<TurnAdmission>();
        Assert.Equal(TurnAdmission.ForPool(OverloadFixture.PoolSize), admission.Limit);
        // A DM channel each: turns of one conversation run in order, these side by side.
        var channels = Enumerable.Range(0, Turns).Select(i => $"D{i:000}{workspace.TeamId[1..]}").ToList();

        var posts = channels.Select(channel =>
        {
            var envelope = workspace.DmEnvelope("member", "run the slow report");
            envelope["event"]!["channel"] = channel;
            return workspace.PostEventAsync(envelope);
        }).ToList();
        // Every post is answered while all the reports are still held: as many turns as there are slots hold a connection
        // each, the others wait for a slot holding none, and storing each one before its acknowledgement uses the reserve.
        var responses = await Task.WhenAll(posts).WaitAsync(Patience);

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        await SlowTurns.SlowTurnFixture.Until(() => admission.Running == admission.Limit && admission.Waiting == Turns - admission.Limit,
            "the slots to fill and the other turns to wait");
        Assert.Equal(Turns, await Host.InOrganizationAsync(organization, db => db.AcceptedTurns.CountAsync()));

        SlowReportTool.Release(organization);
        await Slack.WaitForAsync(c => IsAnswer(c, channels), Turns, Patience);
        await Host.SettledAsync(organization);

        foreach (var channel in channels)
        {
            Assert.Single(Slack.Calls, c => IsAnswer(c, [channel]));
        }
        var turns = await Host.InOrganizationAsync(organization, db => db.AcceptedTurns.AsNoTracking().ToListAsync());
        Assert.Equal(Turns, turns.Count);
        // None failed on the way (a pool timeout would be its last error), and none ran twice.
        Assert.All(turns, turn =>
        {
            Assert.Equal(WorkStatus.Done, turn.Status);
            Assert.Null(turn.LastError);
            Assert.Equal(0, turn.Attempts);
        });
        Assert.Equal(Turns, await AnswersRecordedAsync(organization));
        Assert.Equal(0, admission.Running);
    }

    [Fact]
    public async Task AnAcknowledgedTurnThatFailsRunsAgainAtOnceEvenWhenPuttingItBackFailedToo()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture.Slack);
        var organization = workspace.Organization.Id;
        var channel = workspace.DmChannel("member");

        var acknowledged = await workspace.PostEventAsync(workspace.DmEnvelope("member", "run the slow report")).WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(1, await Host.InOrganizationAsync(organization, db => db.AcceptedTurns.CountAsync(t => t.Status == WorkStatus.Pending)));
        // The held turn's commit fails; then so does the write that hands its stored row back for another attempt.
        var commit = fixture.Faults.FailCommit(organization);
        var putBack = fixture.Faults.FailCommand(organization, "UPDATE accepted_turns");
        SlowReportTool.Release(organization);

        await Slack.WaitForAsync(c => IsAnswer(c, [channel]), 1, Patience);
        await Host.SettledAsync(organization);

        Assert.True(commit.Fired, "The turn's commit never failed.");
        Assert.True(putBack.Fired, "Handing the row back never failed.");
        Assert.Single(Slack.Calls, c => IsAnswer(c, [channel]));
        var turn = await Host.InOrganizationAsync(organization, db => db.AcceptedTurns.AsNoTracking().SingleAsync());
        Assert.Equal(WorkStatus.Done, turn.Status);
        // The database failing is no fault of the turn: no attempt spent.
        Assert.Equal(0, turn.Attempts);
        Assert.Contains(StoreFaults.Message, turn.LastError, StringComparison.Ordinal);
        Assert.Equal(1, await AnswersRecordedAsync(organization));
    }

    private Task<int> AnswersRecordedAsync(Guid organization) => Host.InOrganizationAsync(organization,
        db => db.TranscriptMessages.CountAsync(m => m.Direction == MessageDirection.Outbound && m.Text.Contains(Answer)));

    private static bool IsAnswer(SlackCall call, IReadOnlyCollection<string> channels) =>
        call.Method == "chat.postMessage" && channels.Contains(call.Arguments["channel"]?.ToString() ?? "")
        && (call.Arguments["text"]?.ToString() ?? "").Contains(Answer, StringComparison.Ordinal);
}
