using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Cards;
using OperatorOne.Data.Calendar;

namespace OperatorOne.Skills.Calendar;

/// <summary>An event and a schedule as Adaptive Cards, in the reader's time zone.</summary>
internal static class CalendarCards
{
    /// <summary>One event; <paramref name="repeats"/> describes its series ("every weekday 09:30–09:45 from … to …").</summary>
    public static JsonObject Event(CalendarEvent e, TimeZoneInfo zone, IReadOnlyList<(string Name, RsvpResponse Response)> attendees, string? repeats = null)
    {
        var facts = new List<(string, string)>
        {
            ("When", CalendarText.Span(e, zone)),
            ("Kind", CalendarText.Word(e.Kind)),
            ("Time zone", zone.Id),
        };
        if (repeats is not null)
        {
            facts.Add(("Repeats", repeats));
        }
        if (e.Location is { Length: > 0 } location)
        {
            facts.Add(("Where", location));
        }
        if (e.Notes is { Length: > 0 } notes)
        {
            facts.Add(("Notes", notes));
        }
        facts.AddRange(attendees.Select(a => (a.Name, CalendarText.Word(a.Response))));
        return AdaptiveCard.Create([AdaptiveCard.Heading($"#{e.Number} {e.Title}"), AdaptiveCard.Facts([.. facts])], []);
    }

    public static JsonObject Schedule(string heading, IReadOnlyList<(string When, string What)> rows)
    {
        var body = new List<JsonObject> { AdaptiveCard.Heading(heading) };
        if (rows.Count > 0)
        {
            body.Add(AdaptiveCard.Facts([.. rows]));
        }
        return AdaptiveCard.Create(body, []);
    }
}
