using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using OperatorOne.Data.Calendar;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// An event as an iTIP message (RFC 5546) for one attendee's mail client: METHOD:REQUEST invites (a later REQUEST with
/// a higher SEQUENCE moves it), METHOD:CANCEL cancels. The UID is the event's, so clients update the entry they have.
/// </summary>
internal static class MailInvitations
{
    public static string Write(CalendarEvent e, string method, string organizerName, string organizerAddress, string attendeeName, string attendeeAddress,
        DateTimeOffset now)
    {
        var calendar = new IcalCalendar { ProductId = "-//OperatorOne//Calendar//EN", Method = method };
        var item = new IcalEvent
        {
            Uid = $"{e.Id:N}@operatorone",
            Summary = e.Title,
            Description = $"{CalendarText.Word(e.Kind)} #{e.Number}",
            DtStart = new CalDateTime(e.StartsAt.UtcDateTime),
            DtEnd = new CalDateTime((e.EndsAt > e.StartsAt ? e.EndsAt : e.StartsAt).UtcDateTime),
            DtStamp = new CalDateTime(now.UtcDateTime),
            // Seconds since the event was made: every change (a move, a cancellation) outranks the invitation before it.
            Sequence = (int)Math.Clamp((now - e.CreatedAt).TotalSeconds, 0, int.MaxValue),
            Status = method == "CANCEL" || e.CancelledAt is not null ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{organizerAddress}") { CommonName = organizerName },
        };
        item.Attendees = [new Attendee($"mailto:{attendeeAddress}") { CommonName = attendeeName, ParticipationStatus = "NEEDS-ACTION", Rsvp = method == "REQUEST" }];
        calendar.Events.Add(item);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
