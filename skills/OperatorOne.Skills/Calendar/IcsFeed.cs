using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using OperatorOne.Data.Calendar;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace OperatorOne.Skills.Calendar;

/// <summary>An event with the people on it, as the export needs it; the organizer is one of the attendees.</summary>
internal sealed record IcsEntry(CalendarEvent Event, IReadOnlyList<IcsPerson> Attendees)
{
    public IcsPerson? Organizer => Attendees.FirstOrDefault(p => p.Id == Event.OrganizerId);
}

internal sealed record IcsPerson(Guid Id, string Name, string? Email, RsvpResponse Response);

/// <summary>Events as an iCalendar (RFC 5545) document, through Ical.Net; times in UTC so every client places them right.</summary>
internal static class IcsFeed
{
    /// <summary>The document; <paramref name="name"/> names a subscribed calendar (X-WR-CALNAME) in Outlook and Google.</summary>
    public static string Write(IEnumerable<IcsEntry> entries, string host, string? name = null)
    {
        var calendar = new IcalCalendar { ProductId = "-//OperatorOne//Calendar//EN", Method = "PUBLISH" };
        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
        }
        foreach (var entry in entries)
        {
            var e = entry.Event;
            var item = new IcalEvent
            {
                Uid = $"{e.Id:N}@{host}",
                Summary = e.Title,
                Description = e.Notes is { Length: > 0 } notes ? $"{notes}\n\n{CalendarText.Word(e.Kind)} #{e.Number}" : $"{CalendarText.Word(e.Kind)} #{e.Number}",
                Location = e.Location,
                DtStart = new CalDateTime(e.StartsAt.UtcDateTime),
                DtEnd = new CalDateTime((e.EndsAt > e.StartsAt ? e.EndsAt : e.StartsAt).UtcDateTime),
                DtStamp = new CalDateTime(e.CreatedAt.UtcDateTime),
                Status = e.CancelledAt is null ? "CONFIRMED" : "CANCELLED",
                // A mailto: organizer is what calendar clients show and reply to; a member without an email keeps a stable URN.
                Organizer = new Organizer(Address(e.OrganizerId, entry.Organizer?.Email)) { CommonName = entry.Organizer?.Name ?? "" },
            };
            // Assigned as a whole: adding to Ical.Net's proxied attendee list one by one loses them.
            item.Attendees = entry.Attendees.Select(person => new Attendee(Address(person.Id, person.Email))
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

    private static string Address(Guid member, string? email) =>
        email is { Length: > 0 } ? $"mailto:{email}" : $"urn:operatorone:member:{member:N}";
}
