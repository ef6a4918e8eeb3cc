namespace OperatorOne.Bot.Core.Recognition;

/// <summary>How long something took or has waited, in words a reply can use: "45 minutes", "3.5 hours", "2 days".</summary>
public static class NaturalDurations
{
    public static string Say(TimeSpan span) => span.TotalMinutes switch
    {
        < 1 => "under a minute",
        < 120 => $"{(int)Math.Round(span.TotalMinutes)} minutes",
        < 48 * 60 => $"{span.TotalHours:0.#} hours".Replace(".0 ", " ", StringComparison.Ordinal),
        _ => $"{span.TotalDays:0.#} days",
    };
}
