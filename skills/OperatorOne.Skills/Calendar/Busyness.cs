using OperatorOne.Data.Calendar;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// What makes a member busy, for free-slot search and clash reports. Decided here, once:
/// <list type="bullet">
/// <item>A declined event never blocks.</item>
/// <item>A meeting blocks unless declined: an unanswered or tentative invitation holds the time (as Outlook and Google
/// show it), so a second organizer cannot take the hour before the first invitee has even read the first invite.</item>
/// <item>A campaign never blocks: it runs for days as a backdrop to work, and blocking it would make a whole team
/// calendar unbookable for the week of a launch.</item>
/// <item>A deadline or reminder is a moment and does not block; given a length ("for 2 hours") it is time the member
/// set aside, and blocks once they accepted it (the organizer has; an invitee must say so).</item>
/// </list>
/// </summary>
internal static class Busyness
{
    public static bool Blocks(EventKind kind, RsvpResponse response, DateTimeOffset start, DateTimeOffset end) =>
        response != RsvpResponse.Declined && kind switch
        {
            EventKind.Meeting => true,
            EventKind.Campaign => false,
            _ => end > start && response == RsvpResponse.Accepted,
        };
}
