using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;

namespace OperatorOne.Skills.Calendar;

internal static class TeamCalendars
{
    /// <summary>The team calendar an event goes on and its members (who are invited), or nothing for the caller's own calendar.</summary>
    public static async Task<(EventCalendar? Calendar, IReadOnlyList<MemberCandidate> Members, ToolResult? Problem)> ResolveAsync(
        OperatorOneDb db, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().ToLowerInvariant() is "my" or "me" or "mine" or "own" or "personal")
        {
            return (null, [], null);
        }
        var calendar = await FindAsync(db, name, cancellationToken);
        if (calendar is null)
        {
            return (null, [], ToolResult.Refused($"There's no team calendar called \"{name.Trim()}\". Create it with 'create a team calendar {name.Trim()} with …'."));
        }
        var members = await db.CalendarMembers.Where(m => m.CalendarId == calendar.Id)
            .Join(db.Members.Where(m => m.IsActive), c => c.MemberId, m => m.Id, (_, m) => new MemberCandidate(m.Id, m.DisplayName, m.Handle))
            .ToListAsync(cancellationToken);
        return (calendar, members, null);
    }

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
