using OperatorOne.Data.ServiceDesk;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>
/// Business time for one organization: working days and hours in its time zone, minus holidays. Pure, so SLA
/// arithmetic is unit-tested without a database. Without business hours time runs around the clock.
/// </summary>
internal sealed record BusinessClock(TimeZoneInfo Zone, TimeOnly Opens, TimeOnly Closes, int WorkDays, IReadOnlySet<DateOnly> Holidays)
{
    /// <summary>Far enough for any SLA target; stops a calendar with no working day from looping forever.</summary>
    private const int MaxDays = 3 * 366;

    public static BusinessClock AroundTheClock { get; } = new(TimeZoneInfo.Utc, TimeOnly.MinValue, TimeOnly.MinValue, 0b111_1111, new HashSet<DateOnly>());

    public bool IsAroundTheClock => Opens == Closes && WorkDays == 0b111_1111 && Holidays.Count == 0;

    public static BusinessClock From(BusinessHours? hours, IEnumerable<DateOnly> holidays)
    {
        var days = holidays.ToHashSet();
        if (hours is null)
        {
            return AroundTheClock with { Holidays = days };
        }
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(hours.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return new BusinessClock(zone, hours.Opens, hours.Closes, hours.WorkDays, days);
    }

    /// <summary>The instant when <paramref name="work"/> of business time has passed after <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan work)
    {
        if (IsAroundTheClock)
        {
            return start + work;
        }
        var left = work;
        foreach (var (from, to) in Windows(start))
        {
            var begin = from > start ? from : start;
            var available = to - begin;
            if (left <= available)
            {
                return begin + left;
            }
            left -= available;
        }
        throw new InvalidOperationException("The business calendar has no working time in the next three years.");
    }

    /// <summary>Business time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }
        if (IsAroundTheClock)
        {
            return to - from;
        }
        var total = TimeSpan.Zero;
        foreach (var (windowFrom, windowTo) in Windows(from))
        {
            if (windowFrom >= to)
            {
                break;
            }
            var begin = windowFrom > from ? windowFrom : from;
            var end = windowTo < to ? windowTo : to;
            total += end - begin;
        }
        return total;
    }

    /// <summary>Working windows in UTC from the local day containing <paramref name="start"/> on, skipping those already over.</summary>
    private IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Windows(DateTimeOffset start)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, Zone).DateTime);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if ((WorkDays & (1 << (int)day.DayOfWeek)) == 0 || Holidays.Contains(day))
            {
                continue;
            }
            var from = Utc(day.ToDateTime(Opens));
            var to = Opens < Closes ? Utc(day.ToDateTime(Closes)) : Utc(day.AddDays(1).ToDateTime(Closes));
            if (to > start)
            {
                yield return (from, to);
            }
        }
    }

    private DateTimeOffset Utc(DateTime local)
    {
        // A local time skipped by a DST jump is moved to the first valid minute after it.
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);
    }
}
