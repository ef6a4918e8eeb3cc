namespace OperatorOne.Skills.Calendar;

/// <summary>
/// Regex fragments shared by the calendar utterances; the same dates <see cref="Bot.Core.Recognition.NaturalDates"/>
/// reads, with no named groups of their own (every named group in an utterance is a tool parameter).
/// </summary>
internal static class CalendarPhrases
{
    private const string Weekday = "(monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)";
    private const string Month = "(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)";
    private const string Date = $@"((the )?\d{{1,2}}(st|nd|rd|th)? (of )?{Month}(,? \d{{4}})?|{Month} (the )?\d{{1,2}}(st|nd|rd|th)?(,? \d{{4}})?)";
    private const string Day = $@"(today|tonight|tomorrow|tmrw|tmr|(the )?day after tomorrow|((next|this|coming) )?{Weekday}(,? {Date})?|{Date}|\d{{4}}-\d{{2}}-\d{{2}}([ t]\d{{1,2}}:\d{{2}}(:\d{{2}})?)?)";
    private const string Time = @"(\d{1,2}([:.]\d{2})? ?(am|pm|a\.m\.|p\.m\.)?|noon|midday|midnight|(in the )?(morning|afternoon|evening|night))";

    /// <summary>"next tuesday at 3pm", "tomorrow morning", "in 2 hours", "friday 9:30", "on 3 march at 14:00", "3pm tomorrow".</summary>
    public const string When = $@"((on )?{Day}(,? (at )?{Time})?|(at )?{Time},? (on )?{Day}|in (\d+(\.\d+)?|an?|one|half an) (minutes?|mins?|hours?|hrs?|days?|weeks?)|at {Time}|now)";

    /// <summary>"30 minutes", "an hour", "90 min", "1.5 hours", "half an hour", "2h".</summary>
    public const string Duration = @"(\d+(\.\d+)? ?(minutes?|mins?|m|hours?|hrs?|h)|half an hour|an hour|one hour|a half hour|\d+h\d+)";

    /// <summary>"today", "tomorrow", "this week", "next week".</summary>
    public const string Period = "(?<period>today|tomorrow|this week|next week)";

    /// <summary>An event by number ("event 5", "my event 12", "#5") or by words ("the budget meeting").</summary>
    public const string Event = @"(?<event>(the |my )?(event|meeting|deadline|reminder|campaign) (number |no\.? ?)?#?\d+|(the |my )?[^ ].*? (meeting|event|call|sync|deadline|reminder|campaign|launch|review|standup|stand-up|retro|demo|interview|workshop|check-in|1:1|offsite|lunch|dinner|party|kickoff|kick-off|training|all hands|all-hands|town hall))";

    /// <summary>", and all the ones after it", ", all future ones too", " for good": this one and every later occurrence.</summary>
    public const string FromNowOn = $"( for good({LaterOnes})?|{LaterOnes})";

    private const string LaterOnes = ",? (and )?(all|every|each) (of )?(the )?(future |later |following |remaining |upcoming )?(ones?|occurrences?|instances?)( after( it| that| this)?)?( too| as well)?";

    public const string Kinds = "(?<kind>meeting|campaign|deadline|reminder)";

    public const string Ics = "(ics|ical|icalendar|\\.ics|calendar file|ics file|ical file)";
}
