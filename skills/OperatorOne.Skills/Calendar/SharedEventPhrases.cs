namespace OperatorOne.Skills.Calendar;

/// <summary>
/// What tells a change to someone else's event from a change to one's own: the word "shared", the organizer named
/// ("organised by Ravi", "Jorge's event 44"), or the attendees told ("… and notify everyone", "for all attendees").
/// "move event 12" alone stays <see cref="MoveEvent"/>: nothing in it says whose event it is.
/// </summary>
internal static class SharedEventPhrases
{
    /// <summary>"event 5", "event number 5", "event #5", "shared event 5", "Jorge's recurring event 5".</summary>
    public const string Numbered = $"(the )?({Owner} )?(shared |team |recurring )?event (number |no\\.? ?)?#?(?<number>\\d+)";

    /// <summary>"Jorge's event 44", "the shared event 3": said before the number, so the event is someone else's.</summary>
    public const string SharedNumbered = $"(the )?({Owner} (shared |team |recurring )?|(shared |team )(recurring )?)event (number |no\\.? ?)?#?(?<number>\\d+)";

    // "Jorge's", "karens": a name with its possessive; never "my" or "our", which are the caller's own.
    private const string Owner = "(?!(my|our|the|this|that)\\b)[a-z][a-z-]+(['’]s|s\\b)";

    /// <summary>", that Jorge organised", " (Kofi's meeting)", " organised by Ravi": who runs it, said after the number.</summary>
    public const string Organiser = "(,? (that|which) [^ ,]+ (organi[sz]ed|set up|booked|created|runs)| \\([^)]*\\)|,? (organi[sz]ed|set up|booked|run) by [^ ,]+)";

    private const string Everyone = "(everyone|everybody|all( the)? (attendees|guests|invitees|participants)|the (attendees|guests|invitees|participants|people( invited)?)|all of them)( (invited|on it|attending|involved|coming))?";

    /// <summary>" and notify the guests", ", tell everyone", " and send a note to everyone on it", " and let the attendees know".</summary>
    public const string Notify = $"(,? (and |then )?(notify|tell|inform|email|message|warn|ping|send (a note|a message|word|an email|a notice) to) {Everyone}|,? (and |then )?let {Everyone} know)";

    /// <summary>" for everyone invited", " for all attendees": the change is made for every attendee.</summary>
    public const string ForEveryone = $" for {Everyone}";
}
