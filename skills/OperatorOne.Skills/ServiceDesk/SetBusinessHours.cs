using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.ServiceDesk;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>When SLA time runs: opening hours on weekdays (or every day) in one time zone.</summary>
internal static class SetBusinessHours
{
    private const int Weekdays = 0b011_1110;
    private const int EveryDay = 0b111_1111;

    /// <summary>An hour in figures or in words, as people say opening times ("nine till five").</summary>
    private const string Time = $"([0-9:apm]+|{SpokenHours.Pattern}( ?[ap]m)?)";

    /// <summary>"9-17", "9am to 5pm", "nine till five", "8:30 through 6".</summary>
    private const string Span = $"(?<opens>{Time}) ?(-|–|to|until|till|til|through) ?(?<closes>{Time})";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "set_business_hours",
        Description = "Set the business hours SLA time counts in",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"(set|change|update) (the |our )?(business|office|working|opening) hours( to)? (from )?{Span}( (on )?(?<days>weekdays|every day|all week))?( in (?<timeZone>\\S+))?"),
            Utterance.Of($"our (business|office|working|opening) hours are (from )?{Span}( (on )?(?<days>weekdays|every day|all week))?( in (?<timeZone>\\S+))?"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["opens"] = "When do you open, e.g. 9:00?",
            ["closes"] = "When do you close, e.g. 17:00?",
        },
        HelpExample = "set business hours to 9:00-17:00 weekdays in Europe/Berlin",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        CurrentOrganization organization,
        [Description("Opening time, e.g. '9:00' or '9am'.")] string opens,
        [Description("Closing time, e.g. '17:00' or '5pm'.")] string closes,
        [Description("'weekdays' (Monday to Friday) or 'every day'.")] string? days = null,
        [Description("An IANA time zone such as Europe/Berlin; UTC if not given.")] string? timeZone = null,
        CancellationToken cancellationToken = default)
    {
        if (ParseTime(opens) is not { } open || ParseTime(closes) is not { } close || open == close)
        {
            return ToolResult.Refused("I need an opening and a closing time, like 9:00 and 17:00.");
        }
        close = Afternoon(open, close, closes);
        var zone = string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return ToolResult.Refused($"I don't know the time zone \"{zone}\"; use a name like Europe/Berlin.");
        }
        var workDays = days is not null && !days.Contains("weekday", StringComparison.OrdinalIgnoreCase) ? EveryDay : Weekdays;
        var hours = await db.BusinessHours.FirstOrDefaultAsync(cancellationToken);
        if (hours is null)
        {
            db.BusinessHours.Add(hours = new BusinessHours { OrganizationId = organization.Id });
        }
        hours.Opens = open;
        hours.Closes = close;
        hours.WorkDays = workDays;
        hours.TimeZone = zone;
        var which = workDays == Weekdays ? "Monday to Friday" : "every day";
        return new ToolResult($"Business hours are now {open:HH\\:mm}–{close:HH\\:mm} {which} ({zone}); SLA time for new tickets counts only then.");
    }

    /// <summary>"nine till five": a closing hour said without am/pm that comes before the opening one is in the afternoon.</summary>
    public static TimeOnly Afternoon(TimeOnly open, TimeOnly close, string said) =>
        close < open && close.Hour < 12 && !said.Contains('m', StringComparison.OrdinalIgnoreCase) ? close.AddHours(12) : close;

    /// <summary>"9", "9:30", "17:00", "9am", "5pm", "5:30pm", "nine".</summary>
    public static TimeOnly? ParseTime(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        var pm = value.EndsWith("pm", StringComparison.Ordinal);
        value = value.TrimEnd('a', 'p', 'm').Trim();
        value = SpokenHours.Of(value) is { } spoken ? spoken.ToString(CultureInfo.InvariantCulture) : value;
        var parts = value.Split(':');
        if (parts.Length > 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var hour)
            || (parts.Length == 2 && !int.TryParse(parts[1], CultureInfo.InvariantCulture, out _)))
        {
            return null;
        }
        var minute = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        hour += pm && hour < 12 ? 12 : 0;
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }
}
