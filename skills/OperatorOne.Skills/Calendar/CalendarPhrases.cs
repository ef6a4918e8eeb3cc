namespace OperatorOne.Skills.Calendar;

/// <summary>
/// Regex fragments shared by the calendar utterances; the same dates <see cref="Bot.Core.Recognition.NaturalDates"/>
/// reads, with no named groups of their own (every named group in an utterance is a tool parameter).
/// </summary>
internal static class CalendarPhrases
{
    private const string Weekday = "(monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)";
    private const string Month = "(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)";
    // "the 15th", "the eighth", "the twenty first": a day of this month, as said after a weekday or alone.
    private const string Ordinal = @"(\d{1,2}(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ](first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[- ]first)";
    private const string Date = $@"((the )?\d{{1,2}}(st|nd|rd|th)? (of )?{Month}(,? \d{{4}})?|{Month} (the )?\d{{1,2}}(st|nd|rd|th)?(,? \d{{4}})?|the {Ordinal}( of {Month})?)";
    private const string Day = $@"(today|tonight|tomorrow|tmrw|tmr|(the )?day after tomorrow|((next|this|coming) )?{Weekday}(,? {Date})?|{Date}|\d{{4}}-\d{{2}}-\d{{2}}([ t]\d{{1,2}}:\d{{2}}(:\d{{2}})?)?)";
    private const string Time = $@"(\d{{1,2}}([:.]\d{{2}})? ?(am|pm|a\.m\.|p\.m\.|o['’]?clock)?|noon|midday|midnight|(in the )?(morning|afternoon|evening|night)|{SpokenTime})";

    // "ten am", "three thirty", "four o'clock", "at eleven": a speech recognizer's times, an hour word needing a mark
    // after it (or "at" before it) so that "one to one" or "ten people" stays words.
    private const string HourWord = "(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private const string SpokenTime = $@"({HourWord}( (thirty|fifteen|forty[- ]five|twenty|forty|fifty))?( ?(am|pm|a\.m\.|p\.m\.)| in the (morning|afternoon|evening))|{HourWord} (thirty|fifteen|forty[- ]five|o['’]?clock)|(?<=\bat ){HourWord}\b)";

    /// <summary>"next tuesday at 3pm", "tomorrow morning", "in 2 hours", "friday 9:30", "on 3 march at 14:00", "3pm tomorrow".</summary>
    public const string When = $@"((on )?{Day}(,? (at )?{Time})?|(at )?{Time},? (on )?{Day}|in (\d+(\.\d+)?|an?|one|half an) (minutes?|mins?|hours?|hrs?|days?|weeks?)|at {Time}|{Clock}|now)";

    // "to 2 pm", "till 14:30": a clock time alone is the next one to come (as NaturalDates reads it).
    private const string Clock = @"(\d{1,2}([:.]\d{2})? ?(am|pm|a\.m\.|p\.m\.)|\d{1,2}[:.]\d{2}|noon|midday)";

    /// <summary>"30 minutes", "an hour", "90 min", "1.5 hours", "half an hour", "2h", "fifteen minutes".</summary>
    public const string Duration = $@"(\d+(\.\d+)? ?(minutes?|mins?|m|hours?|hrs?|h)|{Durations.CountWords} (minutes?|mins?|hours?|hrs?)|half an hour|an hour|one hour|a half hour|\d+h\d+)";

    /// <summary>"today", "tomorrow", "this week", "next week".</summary>
    public const string Period = "(?<period>today|tomorrow|this week|next week)";

    /// <summary>
    /// An event by number ("event 5", "my event 12", "#5") or by words ("the budget meeting"), with whom it is when that
    /// is said after it ("the 1:1 with Chiara", "the client demo with Nordhaus"): people tell same-named events apart so.
    /// "Thursday's team lunch", "tomorrow's stand-up": the day said as a possessive picks the event but is no part of its title.
    /// </summary>
    public const string Event = $@"({DayOwning} )?(?<event>(the |my )?(event|meeting|deadline|reminder|campaign) (number |no\.? ?)?#?\d+|((the |my )?([^ ].*? |(?<={DayOwning} )){EventNoun}|{ByItsTime})( with (?!{When}( |$))[^ ,]+( (and|&) [^ ,]+)?)?)";

    private const string DayOwning = $"(today|tonight|tomorrow|tmrw|((next|this) )?{Weekday})['’]s";

    // "my 11 o'clock with Bogdan", "the 3pm call": an event called by the time it starts.
    private const string ByItsTime = @"(the|my) \d{1,2}([:.]\d{2})?( ?(am|pm))?( ?o['’]?clock)?( (meeting|call))?";

    private const string EventNoun = "(meeting|event|call|sync|deadline|reminder|campaign|launch|review|standup|stand-up|retro|demo|interview|workshop|check-in|1:1|1-1|one to one|one on one|one-on-one|offsite|lunch|dinner|breakfast|party|kickoff|kick-off|training|all hands|all-hands|town hall|planning|prep|presentation|session|briefing|catch-up|catchup|catch up|appointment|huddle|meetup)";

    /// <summary>", and all the ones after it", ", all future ones too", " for good": this one and every later occurrence.</summary>
    public const string FromNowOn = $"( for good({LaterOnes})?|{LaterOnes})";

    private const string LaterOnes = ",? (and )?((all|every|each) (of )?(the )?(future |later |following |remaining |upcoming )?(ones?|occurrences?|instances?)( after( it| that| this)?)?( in (that|the|this|its) series)?|the (whole |entire |rest of the )?series( after( it| that| this)?)?)( too| as well)?";

    /// <summary>
    /// ", Lars is sick", " - something came up": why, said after the request, and no part of it. Not a second request
    /// (", and …", ", then …", ", please …") nor every later occurrence.
    /// </summary>
    public const string Reason = @"((,|;|\.| -|–) (?!(and|then|also|plus|please|pls|can|could|would|will|all|every|each|the whole|the rest)\b)[^,;]+)?";

    // A meeting is what an event is unless said otherwise (the tool's default), so only the other kinds are a slot.
    public const string Kinds = "(meeting|(?<kind>campaign|deadline|reminder))";

    public const string Ics = "(ics|ical|icalendar|\\.ics|calendar file|ics file|ical file)";
}
