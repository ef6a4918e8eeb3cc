using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OperatorOne.Bot.Core.Telemetry;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Telemetry;

/// <summary>Records the bot's spans and the measurements of one host's "OperatorOne" meter, in process.</summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _spans;
    private readonly MeterListener _meters;

    public TelemetryRecorder(BotHost host)
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_spans);
        // Only this host's meter: every host in the test process has an "OperatorOne" meter of its own.
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == BotTelemetry.Name && instrument.Meter.Scope == factory)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public ConcurrentQueue<Activity> Spans { get; } = new();
    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    /// <summary>Reads the observable gauges now.</summary>
    public void Collect() => _meters.RecordObservableInstruments();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString())));

    public void Dispose()
    {
        _spans.Dispose();
        _meters.Dispose();
    }

    internal sealed record Measurement(string Instrument, double Value, Dictionary<string, string?> Tags)
    {
        public string? this[string tag] => Tags.GetValueOrDefault(tag);
    }
}
