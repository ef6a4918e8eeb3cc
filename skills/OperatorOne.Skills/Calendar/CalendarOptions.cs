namespace OperatorOne.Skills.Calendar;

/// <summary>The "Calendar" settings section.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>How long before an event starts its attendees are reminded.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The default working day (Monday–Friday) on each member's own wall clock, for members without their own hours.</summary>
    public TimeOnly WorkdayStart { get; set; } = new(9, 0);
    public TimeOnly WorkdayEnd { get; set; } = new(17, 0);

    /// <summary>How long an .ics download link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The bot's public address, for .ics links shown in Teams or Slack; without it links are relative to the web chat page.</summary>
    public Uri? PublicBaseUrl { get; set; }

    internal WorkingHours Hours => WorkingHours.Weekdays(WorkdayStart, WorkdayEnd);

    /// <summary>A link to one of our paths: absolute under <see cref="PublicBaseUrl"/>, else relative to the web chat page.</summary>
    internal string Link(string path) => PublicBaseUrl is { } baseUrl ? $"{baseUrl.AbsoluteUri.TrimEnd('/')}{path}" : path;
}
