using System.Diagnostics;
using OperatorOne.Bot.Core.Telemetry;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Telemetry;

[Collection(BotCollection.Name)]
public sealed class TurnTelemetryTests(BotHost host)
{
    [Fact]
    public async Task AWebChatTurnIsOneSpanTaggedWithChannelOrganizationToolAndOutcome()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var recorder = new TelemetryRecorder(host);
        using var chat = await Chat.StartAsync(host, org, "member");

        await chat.Send("open a ticket: the telemetry printer is jammed");
        await chat.ExpectReply("#1");

        var turn = Assert.Single(TurnsOf(recorder, org), s => (string?)s.GetTagItem(BotTelemetry.ToolTag) == "create_ticket");
        Assert.Equal("webchat", turn.GetTagItem(BotTelemetry.ChannelTag));
        Assert.Equal("processed", turn.GetTagItem(BotTelemetry.OutcomeTag));
        Assert.Equal("ran", turn.GetTagItem(BotTelemetry.ToolOutcomeTag));
        Assert.Equal(false, turn.GetTagItem(BotTelemetry.ApprovalRequestedTag));
        var tool = Assert.Single(recorder.Spans, s => s.OperationName == BotTelemetry.ToolSpan && s.ParentSpanId == turn.SpanId);
        Assert.Equal("create_ticket", tool.GetTagItem(BotTelemetry.ToolTag));
    }

    [Fact]
    public async Task ATurnThatAsksForApprovalSaysSoOnItsSpan()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        await member.Send("open a ticket: delete me later");
        await member.ExpectReply("#1");
        using var recorder = new TelemetryRecorder(host);

        await member.Send("delete ticket 1");
        await member.ExpectReply("approval");

        var turn = Assert.Single(TurnsOf(recorder, org), s => (string?)s.GetTagItem(BotTelemetry.ToolTag) == "delete_ticket");
        Assert.Equal(true, turn.GetTagItem(BotTelemetry.ApprovalRequestedTag));
        Assert.Equal("awaiting_approval", turn.GetTagItem(BotTelemetry.ToolOutcomeTag));
    }

    [Fact]
    public async Task AWebChatTurnMovesTheTurnAndToolCountersAndTheLatencyHistogram()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");
        using var recorder = new TelemetryRecorder(host);

        await chat.Send("open a ticket: metrics for the coffee machine");
        await chat.ExpectReply("#1");

        var measured = recorder.Measurements.ToList();
        Assert.Contains(measured, m => m.Instrument == "operatorone.turns" && m.Value == 1
            && m[BotTelemetry.ChannelTag] == "webchat" && m[BotTelemetry.OutcomeTag] == "processed");
        Assert.Contains(measured, m => m.Instrument == "operatorone.turn.duration" && m.Value > 0 && m[BotTelemetry.ChannelTag] == "webchat");
        Assert.Contains(measured, m => m.Instrument == "operatorone.tool.calls"
            && m[BotTelemetry.ToolTag] == "create_ticket" && m[BotTelemetry.OutcomeTag] == "ran");
    }

    [Fact]
    public async Task TheBacklogGaugesCountPendingApprovalsAndUnsentOutboxMessages()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        await member.Send("open a ticket: gauge me");
        await member.ExpectReply("#1");
        await member.Send("delete ticket 1");
        await member.ExpectReply("approval");
        var backlog = (Backlog)host.Services.GetService(typeof(Backlog))!;
        await backlog.RefreshAsync(CancellationToken.None);
        using var recorder = new TelemetryRecorder(host);

        recorder.Collect();

        // Other tests share this store, so the pending count is at least this test's request.
        Assert.Contains(recorder.Measurements, m => m.Instrument == "operatorone.approvals.pending" && m.Value >= 1);
        Assert.Contains(recorder.Measurements, m => m.Instrument == "operatorone.outbox.depth" && m.Value >= 0);
    }

    private static IEnumerable<Activity> TurnsOf(TelemetryRecorder recorder, TestOrganization org) =>
        recorder.Spans.Where(s => s.OperationName == BotTelemetry.TurnSpan && (string?)s.GetTagItem(BotTelemetry.OrganizationTag) == org.Id.ToString());
}
