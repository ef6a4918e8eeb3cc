namespace OperatorOne.Tests.Demo;

/// <summary>The real clock moved by <see cref="Offset"/>: a test picks the weekday and hour the bot believes it is, and time still flows.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Makes it <paramref name="day"/> at <paramref name="hour"/>:<paramref name="minute"/> UTC, one to two weeks ago (the past, so timestamps the database compares with its own now() are already due).</summary>
    public void Set(DayOfWeek day, int hour, int minute)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-8);
        while (today.DayOfWeek != day)
        {
            today = today.AddDays(-1);
        }
        var wanted = new DateTimeOffset(today.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);
        Offset = wanted - System.GetUtcNow();
    }
}
