using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Cards;
using OperatorOne.Data.Calendar;

namespace OperatorOne.Skills.Calendar;

/// <summary>An event and a schedule as Adaptive Cards, in the reader's time zone.</summary>
internal static class CalendarCards
{
    public static JsonObject Event(CalendarEvent e, TimeZoneInfo zone, IReadOnlyList<(string Name, RsvpResponse Response)> attendees)
    {
        var facts = new List<(string, string)>
        {
            ("When", CalendarText.Span(e, zone)),
            ("Kind", CalendarText.Word(e.Kind)),
            ("Time zone", zone.Id),
        };
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
