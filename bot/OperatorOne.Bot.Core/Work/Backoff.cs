namespace OperatorOne.Bot.Core.Work;

/// <summary>How long failed work waits before the next attempt: doubling from 2 s up to 5 min, or the channel's Retry-After if longer.</summary>
public static class Backoff
{
    public static TimeSpan After(int attempts, TimeSpan? retryAfter = null)
    {
        var exponential = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Max(1, attempts))));
        return retryAfter is { } after && after > exponential ? after : exponential;
    }
}
