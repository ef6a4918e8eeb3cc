using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using OperatorOne.Data.Calendar;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace OperatorOne.Skills.Calendar;

/// <summary>An event with the people on it, as the export needs it.</summary>
internal sealed record IcsEntry(CalendarEvent Event, string Organizer, IReadOnlyList<IcsPerson> Attendees);

internal sealed record IcsPerson(Guid Id, string Name, string? Email, RsvpResponse Response);

/// <summary>Events as an iCalendar (RFC 5545) document, through Ical.Net; times in UTC so every client places them right.</summary>
internal static class IcsFeed
{
    public static string Write(IEnumerable<IcsEntry> entries, string host)
    {
        var calendar = new IcalCalendar { ProductId = "-//OperatorOne//Calendar//EN" };
        foreach (var entry in entries)
        {
            var e = entry.Event;
            var item = new IcalEvent
            {
                Uid = $"{e.Id:N}@{host}",
                Summary = e.Title,
                Description = $"{CalendarText.Word(e.Kind)} #{e.Number}",
                DtStart = new CalDateTime(e.StartsAt.UtcDateTime),
                DtEnd = new CalDateTime((e.EndsAt > e.StartsAt ? e.EndsAt : e.StartsAt).UtcDateTime),
                DtStamp = new CalDateTime(e.CreatedAt.UtcDateTime),
                Status = e.CancelledAt is null ? "CONFIRMED" : "CANCELLED",
                Organizer = new Organizer($"urn:operatorone:member:{e.OrganizerId:N}") { CommonName = entry.Organizer },
            };
            // Assigned as a whole: adding to Ical.Net's proxied attendee list one by one loses them.
            item.Attendees = entry.Attendees.Select(person => new Attendee(person.Email is { Length: > 0 } email ? $"mailto:{email}" : $"urn:operatorone:member:{person.Id:N}")
                {
                    CommonName = person.Name,
                    ParticipationStatus = person.Response switch
                    {
                        RsvpResponse.Accepted => "ACCEPTED",
                        RsvpResponse.Declined => "DECLINED",
                        RsvpResponse.Tentative => "TENTATIVE",
                        _ => "NEEDS-ACTION",
                    },
                }).ToList();
            calendar.Events.Add(item);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
