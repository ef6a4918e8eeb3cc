using System.Globalization;
using System.Text.RegularExpressions;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// The dates people type, read in the speaker's time zone: "today", "tomorrow morning", "yesterday", "in 2 hours",
/// "next Tuesday at 3pm", "friday 9:30", "on 3 March at 14:00", "3pm tomorrow", or an ISO date.
/// </summary>
public static partial class NaturalDates
{
    private const string Weekday = "(?<wd>monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)";
    private const string Month = "(?<mon>january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)";
    private const string Ordinal = "(st|nd|rd|th)?";
    private const string Date = $@"((the )?(?<d>\d{{1,2}}){Ordinal} (of )?{Month}(,? (?<y>\d{{4}}))?|{Month} (the )?(?<d>\d{{1,2}}){Ordinal}(,? (?<y>\d{{4}}))?|the (?<d>\d{{1,2}})(st|nd|rd|th))";
    private const string Day = $"((?<rel>today|tonight|yesterday|tomorrow|tmrw|tmr|the day after tomorrow|day after tomorrow)|((?<which>next|this|coming) )?{Weekday}(,? {Date})?|{Date})";
    private const string Time = @"((?<clock>\d{1,2}([:.]\d{2})? ?(am|pm|a\.m\.|p\.m\.)?|noon|midday|midnight)|(in the )?(?<part>morning|afternoon|evening|night))";

    /// <summary>Reads <paramref name="text"/> as a moment in the time zone <paramref name="now"/> carries as its offset.</summary>
    public static DateTimeOffset? Parse(string text, DateTimeOffset now) => Parse(text, now, FixedZone(now.Offset));

    /// <summary>Reads <paramref name="text"/> as a moment in <paramref name="zone"/>; the result carries that zone's offset then.</summary>
    public static DateTimeOffset? Parse(string text, DateTimeOffset now, TimeZoneInfo zone) => Parse(text, now, zone, past: false);

    /// <summary>
    /// As above; <paramref name="past"/>: the moment has been ("since 1 January", "from monday"), so a date without a year
    /// or a bare weekday is the latest one up to today rather than the next one to come.
    /// </summary>
    public static DateTimeOffset? Parse(string text, DateTimeOffset now, TimeZoneInfo zone, bool past)
    {
        text = SpokenTimes.Digits(string.Join(' ', text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        if (Iso().IsMatch(text))
        {
            return Exact(text, zone);
        }
        if (text == "now")
        {
            return localNow;
        }
        if (In().Match(text) is { Success: true } relative)
        {
            var amount = relative.Groups["n"].Value switch { "a" or "an" or "one" => 1d, "half an" => 0.5, var n => double.Parse(n, CultureInfo.InvariantCulture) };
            var unit = relative.Groups["unit"].Value;
            var later = unit.StartsWith('m') ? now.AddMinutes(amount) : unit.StartsWith('h') ? now.AddHours(amount)
                : unit.StartsWith('w') ? now.AddDays(7 * amount) : now.AddDays(amount);
            return TimeZoneInfo.ConvertTime(later, zone);
        }
        var match = DayThenTime().Match(text);
        if (!match.Success)
        {
            match = TimeThenDay().Match(text);
        }
        if (match.Success)
        {
            return At(match, localNow, zone, past);
        }
        if (TimeOnlyPattern().Match(text) is { Success: true } bare && TimeOf(bare) is { } time)
        {
            // "3pm" alone: the next 3pm to come.
            var today = DateOnly.FromDateTime(localNow.DateTime);
            var at = Local(today, time, zone);
            return at > now ? at : Local(today.AddDays(1), time, zone);
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact) && text.Any(char.IsDigit)
            ? Exact(text, zone) ?? exact : null;
    }

    /// <summary>The zone an IANA (or Windows) id names, or UTC when it names none.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>A wall-clock time in a zone: a time skipped by a DST change moves forward past the gap; a repeated one takes its first occurrence.</summary>
    public static DateTimeOffset Local(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, before), zone);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private static DateTimeOffset? At(Match match, DateTimeOffset localNow, TimeZoneInfo zone, bool past)
    {
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var rel = match.Groups["rel"].Value;
        var time = match.Groups["clock"].Success || match.Groups["part"].Success ? TimeOf(match)
            : rel == "tonight" ? new TimeOnly(19, 0)
            // "since yesterday" means from its start; nothing is scheduled in the past, so no working-hours default.
            : rel == "yesterday" ? TimeOnly.MinValue : new TimeOnly(9, 0);
        if (time is null)
        {
            return null;
        }
        DateOnly date;
        if (rel.Length > 0)
        {
            date = rel switch
            {
                "today" or "tonight" => today,
                "tomorrow" or "tmrw" or "tmr" => today.AddDays(1),
                "yesterday" => today.AddDays(-1),
                _ => today.AddDays(2),
            };
        }
        else if (match.Groups["d"].Success)
        {
            if (CalendarDate(match, today, past) is not { } named)
            {
                return null;
            }
            date = named;
        }
        else
        {
            var wanted = WeekdayOf(match.Groups["wd"].Value);
            var ahead = past ? -(((int)today.DayOfWeek - (int)wanted + 7) % 7) : ((int)wanted - (int)today.DayOfWeek + 7) % 7;
            // "next tuesday" on a Tuesday is a week away; "tuesday" on a Tuesday is today unless that time has passed.
            if (!past && ahead == 0 && (match.Groups["which"].Value == "next" || Local(today, time.Value, zone) <= localNow))
            {
                ahead = 7;
            }
            date = today.AddDays(ahead);
        }
        return Local(date, time.Value, zone);
    }

    private static DateOnly? CalendarDate(Match match, DateOnly today, bool past)
    {
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (!match.Groups["mon"].Success)
        {
            return DayOfMonth(day, today, past);
        }
        var month = DateTime.ParseExact(match.Groups["mon"].Value[..3], "MMM", CultureInfo.InvariantCulture).Month;
        var explicitYear = match.Groups["y"].Success;
        var year = explicitYear ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        var date = new DateOnly(year, month, day);
        if (past)
        {
            // "since 1 December" said in January means the December just gone.
            return !explicitYear && date > today && day <= DateTime.DaysInMonth(year - 1, month) ? date.AddYears(-1) : date;
        }
        // "3 March" said in December means the coming March.
        return !explicitYear && date < today && day <= DateTime.DaysInMonth(year + 1, month) ? date.AddYears(1) : date;
    }

    /// <summary>"on the 15th", "thursday the 8th": that day of this month, or of the next (the last) one when it has gone (is to come).</summary>
    private static DateOnly? DayOfMonth(int day, DateOnly today, bool past)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        if (past ? day > today.Day : day < today.Day)
        {
            month = month.AddMonths(past ? -1 : 1);
        }
        return day >= 1 && day <= DateTime.DaysInMonth(month.Year, month.Month) ? new DateOnly(month.Year, month.Month, day) : null;
    }

    private static TimeOnly? TimeOf(Match match)
    {
        switch (match.Groups["part"].Value)
        {
            case "morning": return new TimeOnly(9, 0);
            case "afternoon": return new TimeOnly(14, 0);
            case "evening": return new TimeOnly(18, 0);
            case "night": return new TimeOnly(20, 0);
        }
        var text = match.Groups["clock"].Value.Replace(".m.", "m", StringComparison.Ordinal);
        switch (text)
        {
            case "noon" or "midday": return new TimeOnly(12, 0);
            case "midnight": return new TimeOnly(0, 0);
        }
        var clock = Clock().Match(text);
        if (!clock.Success)
        {
            return null;
        }
        var hour = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = clock.Groups["m"].Success ? int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var ampm = clock.Groups["ampm"].Value;
        if (ampm == "pm" && hour < 12)
        {
            hour += 12;
        }
        else if (ampm == "am" && hour == 12)
        {
            hour = 0;
        }
        else if (ampm.Length == 0 && (clock.Groups["m"].Success ? hour is >= 1 and <= 6 : hour is >= 1 and <= 7))
        {
            // "at 3" or "at three thirty" in an office means the afternoon; "7:30" said with its minutes is as often the morning.
            hour += 12;
        }
        return hour < 24 && minute < 60 && (ampm.Length == 0 || clock.Groups["h"].Value.Length <= 2) ? new TimeOnly(hour, minute) : null;
    }

    private static DayOfWeek WeekdayOf(string word) => word[..2] switch
    {
        "mo" => DayOfWeek.Monday,
        "tu" => DayOfWeek.Tuesday,
        "we" => DayOfWeek.Wednesday,
        "th" => DayOfWeek.Thursday,
        "fr" => DayOfWeek.Friday,
        "sa" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    /// <summary>An ISO date: with an offset it is that instant; without one it is wall-clock time in the zone.</summary>
    private static DateTimeOffset? Exact(string text, TimeZoneInfo zone)
    {
        if (HasOffset().IsMatch(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? Local(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone) : null;
    }

    private static TimeZoneInfo FixedZone(TimeSpan offset) =>
        offset == TimeSpan.Zero ? TimeZoneInfo.Utc : TimeZoneInfo.CreateCustomTimeZone($"UTC{offset:hh\\:mm}", offset, "fixed", "fixed");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(z|[+-]\d{2}(:?\d{2})?)$")]
    private static partial Regex HasOffset();

    [GeneratedRegex(@"^in (?<n>\d+(\.\d+)?|an?|one|half an) (?<unit>minutes?|mins?|hours?|hrs?|days?|weeks?)$")]
    private static partial Regex In();

    [GeneratedRegex($"^(on )?{Day}(,? (at )?{Time})?$", RegexOptions.ExplicitCapture)]
    private static partial Regex DayThenTime();

    [GeneratedRegex($"^(at )?{Time},? (on )?{Day}$", RegexOptions.ExplicitCapture)]
    private static partial Regex TimeThenDay();

    [GeneratedRegex(@"^(at )?(?<clock>\d{1,2}([:.]\d{2} ?(am|pm|a\.m\.|p\.m\.)?| ?(am|pm|a\.m\.|p\.m\.))|noon|midday)$", RegexOptions.ExplicitCapture)]
    private static partial Regex TimeOnlyPattern();

    [GeneratedRegex(@"^(?<h>\d{1,2})([:.](?<m>\d{2}))? ?(?<ampm>am|pm)?$")]
    private static partial Regex Clock();
}
