namespace OperatorOne.Tests.Infrastructure;

/// <summary>
/// The real clock, except that a test can move its monotonic timestamp forward: an interval the product measures with
/// <see cref="TimeProvider.GetElapsedTime(long)"/> (a throttle) passes at once instead of being slept through.
/// </summary>
internal sealed class SkippingClock : TimeProvider
{
    private long _skipped;

    public override long GetTimestamp() => System.GetTimestamp() + Interlocked.Read(ref _skipped);

    public void Skip(TimeSpan interval) => Interlocked.Add(ref _skipped, (long)(interval.TotalSeconds * TimestampFrequency));
}
