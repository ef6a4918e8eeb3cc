using System.Globalization;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>How SLA times read in chat.</summary>
internal static class SlaText
{
    /// <summary>"Tue 8 Dec 15:00 UTC", or on the reader's wall clock: "Tue 8 Dec 16:00 Europe/Berlin".</summary>
    public static string When(DateTimeOffset at, TimeZoneInfo? zone = null) =>
        zone is null || zone == TimeZoneInfo.Utc || zone.Id == "UTC"
            ? at.UtcDateTime.ToString("ddd d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : $"{TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)} {zone.Id}";

    public static string Target(string target) => target == SlaTargets.FirstResponse ? "first response" : "resolution";
}
