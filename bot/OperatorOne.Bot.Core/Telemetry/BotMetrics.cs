using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OperatorOne.Bot.Core.Telemetry;

/// <summary>
/// The bot's meter "OperatorOne". Counters and histograms are recorded where the work happens; the two gauges
/// (pending approvals, outbox depth) read a cached count of the whole store, refreshed at most every 15 seconds.
/// </summary>
public sealed class BotMetrics
{
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _toolCalls;
    private readonly Counter<long> _outboxDeliveries;
    private readonly Counter<long> _llmTokens;

    public BotMetrics(IMeterFactory meters, Backlog backlog)
    {
        var meter = meters.Create(BotTelemetry.Name);
        _turns = meter.CreateCounter<long>("operatorone.turns", "{turn}", "Turns taken in, by channel and outcome.");
        _turnDuration = meter.CreateHistogram<double>("operatorone.turn.duration", "s", "How long a turn took, by channel and outcome.");
        _toolCalls = meter.CreateCounter<long>("operatorone.tool.calls", "{call}", "Tool calls, by tool and outcome.");
        _outboxDeliveries = meter.CreateCounter<long>("operatorone.outbox.deliveries", "{message}", "Outbox delivery attempts, by channel and result.");
        _llmTokens = meter.CreateCounter<long>("operatorone.llm.tokens", "{token}", "LLM tokens used, by model and direction (input, output).");
        meter.CreateObservableGauge("operatorone.approvals.pending", () => backlog.Read().PendingApprovals, "{request}", "Approval requests waiting for a decision.");
        meter.CreateObservableGauge("operatorone.outbox.depth", () => backlog.Read().OutboxDepth, "{message}", "Outbox messages not yet sent.");
    }

    public void TurnCompleted(string channel, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { BotTelemetry.ChannelTag, channel }, { BotTelemetry.OutcomeTag, outcome } };
        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalSeconds, tags);
    }

    public void ToolCalled(string tool, string outcome) =>
        _toolCalls.Add(1, new TagList { { BotTelemetry.ToolTag, tool }, { BotTelemetry.OutcomeTag, outcome } });

    public void OutboxDelivered(string channel, string result) =>
        _outboxDeliveries.Add(1, new TagList { { BotTelemetry.ChannelTag, channel }, { BotTelemetry.OutcomeTag, result } });

    /// <summary>For the LLM recognizer, where a response's usage is known; null counts (providers that omit usage) are skipped.</summary>
    public void LlmTokensUsed(string model, long? inputTokens, long? outputTokens)
    {
        if (inputTokens is > 0)
        {
            _llmTokens.Add(inputTokens.Value, new TagList { { "operatorone.llm.model", model }, { "operatorone.llm.direction", "input" } });
        }
        if (outputTokens is > 0)
        {
            _llmTokens.Add(outputTokens.Value, new TagList { { "operatorone.llm.model", model }, { "operatorone.llm.direction", "output" } });
        }
    }
}
