using System.Globalization;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>How SLA times read in chat.</summary>
internal static class SlaText
{
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("ddd d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) => span.TotalMinutes switch
    {
        < 1 => "under a minute",
        < 120 => $"{(int)Math.Round(span.TotalMinutes)} minutes",
        < 48 * 60 => $"{span.TotalHours:0.#} hours".Replace(".0 ", " ", StringComparison.Ordinal),
        _ => $"{span.TotalDays:0.#} days",
    };

    public static string Target(string target) => target == SlaTargets.FirstResponse ? "first response" : "resolution";
}
