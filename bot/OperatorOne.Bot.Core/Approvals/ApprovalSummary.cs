using System.Globalization;
using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Core.Approvals;

/// <summary>
/// A request's summary is written once, when it is made, but read by people on different clocks (each approver, the
/// requester). So a time in it is written as <see cref="ApprovalCards.Format"/> writes UTC, "2026-03-06 10:00 UTC", and
/// each reader is shown it on their own clock; webhooks and the audit keep the stored, UTC text.
/// </summary>
public static partial class ApprovalSummary
{
    /// <summary>A time as a summary stores it.</summary>
    public static string Time(DateTimeOffset when) => ApprovalCards.Format(when);

    /// <summary>The summary with its times in <paramref name="zone"/> (as stored when null or UTC).</summary>
    public static string ForReader(string summary, TimeZoneInfo? zone) =>
        zone is null || !summary.Contains(" UTC", StringComparison.Ordinal)
            ? summary
            : StoredTime().Replace(summary, m => ApprovalCards.Format(
                DateTimeOffset.ParseExact(m.Groups["at"].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), zone));

    [GeneratedRegex(@"(?<at>\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC\b")]
    private static partial Regex StoredTime();
}
