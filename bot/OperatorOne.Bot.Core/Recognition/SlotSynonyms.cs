namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Everyday words for the enum values tools take, keyed by the value ("pending" ← "on hold"), so any tool with a
/// parameter of that value understands them wherever they stand in the sentence. The value itself always counts.
/// </summary>
internal static class SlotSynonyms
{
    public static readonly IReadOnlyDictionary<string, string[]> ByValue = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["pending"] = ["on hold", "hold", "waiting on", "waiting for", "paused", "pause"],
        ["resolved"] = ["resolve", "fixed", "solved", "done", "sorted"],
        ["closed"] = ["close", "shut"],
        ["open"] = ["reopen", "re-open", "opened again", "back open"],
        ["urgent"] = ["asap", "critical", "emergency", "right away", "immediately", "urgently"],
        ["high"] = ["important", "high prio", "high-priority", "pretty bad"],
        ["low"] = ["no rush", "whenever you can", "whenever you get a chance", "whenever you have time", "not urgent", "low prio", "low-priority", "minor"],
        ["accepted"] = ["accept", "yes to", "attend", "i'll be at", "i will be at", "count me in", "going to", "join"],
        ["declined"] = ["decline", "can't make", "cannot make", "can't attend", "won't make", "won't attend", "skip", "no to", "reject", "turn down"],
        ["tentative"] = ["maybe", "tentatively", "might make", "not sure"],
        ["tomorrow"] = ["tmrw", "tmr", "tomorrows"],
        ["this_week"] = ["this week", "the week", "rest of the week", "this wk", "my week", "week"],
        ["next_week"] = ["next week", "the week after", "following week"],
        ["organization"] = ["everyone", "everybody", "the whole company", "whole company", "the company", "all staff", "public", "company-wide", "org"],
        ["private"] = ["only me", "just me", "myself only", "hidden"],
        ["call"] = ["called", "calls", "rang", "phoned", "phone call"],
        ["email"] = ["emailed", "e-mail", "mailed", "e-mailed", "emails"],
        ["meeting"] = ["met", "meeting with"],
        ["note"] = ["noted", "notes"],
        ["qualified"] = ["qualify", "qualified lead"],
        ["contacted"] = ["reached out", "contact made", "spoke to", "talked to"],
        ["lost"] = ["dead", "went cold", "gone cold", "lost it"],
        ["converted"] = ["won", "signed"],
        ["admin"] = ["administrator", "admins"],
        ["reject"] = ["deny", "refuse", "turn down"],
        ["viewer"] = ["read only", "read-only", "viewers"],
        ["member"] = ["regular member", "normal member", "members"],
        ["reminder"] = ["remind me", "remind"],
        ["deadline"] = ["due", "due date"],
    };

    /// <summary>Words that switch a yes/no parameter on, keyed by the parameter's name ("put webhook 8 on pause" → pause).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SwitchedOnBy = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["pause"] = ["pause", "suspend", "hold off", "on hold", "stop", "disable", "switch off", "turn off", "halt"],
        ["series"] = ["all of them", "all future ones", "all future", "every repeat", "every occurrence", "all occurrences", "the whole series", "the series", "every one after", "all the rest"],
        ["failed_only"] = ["failed", "failing", "failures", "errors", "broken", "didn't go through", "did not go through"],
    };
}
