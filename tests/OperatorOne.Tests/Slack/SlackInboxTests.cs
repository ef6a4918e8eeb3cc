using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Channels.Slack;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Work;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Slack;

/// <summary>
/// What Slack was told we accepted is in PostgreSQL before the 200 — committed by a turn that finished within Slack's
/// budget, or stored as an accepted turn — and runs once, even after a crash.
/// </summary>
[Collection(SlackCollection.Name)]
public sealed class SlackInboxTests(SlackFixture fixture)
{
    private SlackStandIn Slack => fixture.Slack;

    private Task<List<ProcessedDelivery>> DeliveriesAsync(SlackWorkspace workspace) =>
        fixture.Host.InOrganizationAsync(workspace.Organization.Id, db => db.ProcessedDeliveries.AsNoTracking().Where(d => d.Channel == ChannelNames.Slack).ToListAsync());

    private async Task<AcceptedTurn> WaitUntilDoneAsync(SlackWorkspace workspace, string deliveryId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var item = await fixture.Host.InOrganizationAsync(workspace.Organization.Id,
                db => db.AcceptedTurns.AsNoTracking().SingleAsync(i => i.DeliveryId == deliveryId));
            if (item.Status != WorkStatus.Pending || DateTime.UtcNow > deadline)
            {
                return item;
            }
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task AnAcknowledgedEventIsCommittedBeforeTheAcknowledgementAndAnsweredOnce()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var envelope = workspace.DmEnvelope("member", "help");

        var response = await workspace.PostEventAsync(envelope);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var eventId = envelope["event_id"]!.ToString();
        Assert.Contains(await DeliveriesAsync(workspace), d => d.DeliveryId == eventId && d.OrganizationId == workspace.Organization.Id);
        await Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("member"));
        Assert.Single(Slack.Calls, c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("member"));
    }

    [Fact]
    public async Task AnAcceptedTurnClaimedByACrashedReplicaIsRunByALiveOne()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var envelope = workspace.DmEnvelope("member", "help");
        var work = ((SlackInbound.Turn)SlackEvents.Read(Encoding.UTF8.GetBytes(envelope.ToJsonString()))).Work;
        await fixture.Host.InOrganizationAsync(workspace.Organization.Id, db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.AcceptedTurns.Add(new AcceptedTurn
            {
                OrganizationId = workspace.Organization.Id, Channel = ChannelNames.Slack, DeliveryId = work.Turn.DeliveryId,
                Payload = BotJson.Serialize(work.ToTurn()), Status = WorkStatus.Pending, NextAttemptAt = now.AddMinutes(-3),
                // A replica that never beat (or stopped beating) holds nothing.
                ClaimedBy = "crashed-replica", ClaimedAt = now.AddSeconds(-1), AcceptedAt = now.AddMinutes(-3),
            });
            return db.SaveChangesAsync();
        });

        await Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("member"));

        var done = await WaitUntilDoneAsync(workspace, work.Turn.DeliveryId);
        Assert.Equal(WorkStatus.Done, done.Status);
        Assert.Null(done.ClaimedBy);
        Assert.Equal("{}", done.Payload);
    }

    [Fact]
    public async Task ARetriedEventIsTakenInOnceAndAnsweredOnce()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var envelope = workspace.DmEnvelope("member", "help");

        var first = await workspace.PostEventAsync(envelope);
        var retries = await Task.WhenAll(workspace.PostEventAsync(envelope, retry: 1), workspace.PostEventAsync(envelope, retry: 2));

        // Every request answered only once its turn (or the turn it repeats) had committed and sent its reply.
        Assert.All(retries.Append(first), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await DeliveriesAsync(workspace));
        Assert.Single(Slack.Calls, c => c.Method == "chat.postMessage" && c.Arguments["channel"]?.ToString() == workspace.DmChannel("member"));
    }

    [Fact]
    public async Task ASlowSlashCommandSaysWorkingOnItInTimeAndFollowsUpThroughResponseUrl()
    {
        using var workspace = await SlackWorkspace.CreateAsync(fixture);
        var hook = $"slow-{Guid.NewGuid():N}";
        var clock = Stopwatch.StartNew();

        var response = await workspace.PostCommandAsync("member", "slow report", $"C{workspace.TeamId[1..]}", Slack.ResponseUrl(hook));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"The command took {clock.Elapsed} to answer.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("ephemeral", answer["response_type"]!.GetValue<string>());
        Assert.Equal("Working on it…", answer["text"]!.GetValue<string>());
        SlowReportTool.Release(workspace.Organization.Id);
        var followUp = (await Slack.WaitForAsync(c => c.Method == "response_url" && c.Arguments["hook"]?.ToString() == hook)).Single();
        Assert.Equal("The slow report is ready: 42 widgets.", followUp.Arguments["text"]!.GetValue<string>());
        Assert.Equal("ephemeral", followUp.Arguments["response_type"]!.GetValue<string>());
        Assert.False(followUp.Arguments["replace_original"]?.GetValue<bool>() ?? false);
    }
}
