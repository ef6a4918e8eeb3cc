using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;

namespace OperatorOne.Skills.Calendar;

internal static class TeamCalendars
{
    /// <summary>The team calendar "Marketing", "marketing" or "the marketing team" names; an organization has few, so they are compared in memory.</summary>
    public static async Task<EventCalendar?> FindAsync(OperatorOneDb db, string name, CancellationToken cancellationToken)
    {
        var wanted = Clean(name);
        var teams = await db.Calendars.Where(c => c.Kind == CalendarKind.Team).ToListAsync(cancellationToken);
        return teams.FirstOrDefault(c => string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }

    public static string Clean(string name)
    {
        var clean = name.Trim().Trim('"', '\'').Trim();
        if (clean.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            clean = clean[4..];
        }
        foreach (var suffix in new[] { " calendar", " team" })
        {
            if (clean.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                clean = clean[..^suffix.Length];
            }
        }
        return clean.Trim();
    }
}
