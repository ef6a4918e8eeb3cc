using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Calendar;

/// <summary>Makes a team calendar, or adds members to one; what is scheduled on it invites its members.</summary>
internal static class CreateTeamCalendar
{
    // One word before two, so "for the engineering team" names "engineering" and leaves "team" to the pattern.
    private const string Name = "(?<name>[^ ]+( [^ ]+)??)";
    private const string Make = "((please )?(create|make|set up|add|start|open)( a| an| the)?|new)( new)?( shared)?";
    // "… pls, with Mateus and Yusuf"
    private const string Members = "(( pls| please)?,? (with|for) (?<members>.+))?( pls| please)?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "create_team_calendar",
        Description = "Create a team calendar or add members to one",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"{Make} team calendar( (called|named|for))? (the )?{Name}( team)?{Members}"),
            Utterance.Of($"{Make} calendar (called|named|for) (the )?{Name}( team)?{Members}"),
            Utterance.Of($"(please )?(create|make|set up|start|open)( a| an| the)?( new)? (?<name>[^ ]+) (team |shared )?calendar( (with|for) (?<members>.+))?"),
            Utterance.Of($"(add|put|invite) (?<members>.+?) (to|on|into) the (?<name>[^ ]+)( team)? calendar"),
            Utterance.Of("(create|make|set up|start)( a| an)?( new)? team calendar"),
        ],
        Prompts = new Dictionary<string, string> { ["name"] = "What should the team calendar be called? For example Marketing." },
        HelpExample = "create a team calendar Marketing with Ada and Max",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("The team calendar's name, e.g. 'Marketing'.")] string name,
        [Description("Members to add (names or handles, comma or 'and' separated); the caller is always a member.")] string? members = null,
        CancellationToken cancellationToken = default)
    {
        var clean = TeamCalendars.Clean(name);
        if (clean.Length is 0 or > 100)
        {
            return ToolResult.Refused("A team calendar needs a name of up to 100 characters.");
        }
        var everyone = await CalendarQueries.MembersAsync(db, cancellationToken);
        var (named, problem) = AttendeeNames.Resolve("members", members, caller.MemberId, everyone);
        if (problem is not null)
        {
            return problem;
        }
        var calendar = await TeamCalendars.FindAsync(db, clean, cancellationToken);
        var created = calendar is null;
        if (calendar is null)
        {
            calendar = new EventCalendar { Id = Guid.NewGuid(), OrganizationId = organization.Id, Kind = CalendarKind.Team, Name = clean, CreatedAt = clock.GetUtcNow() };
            db.Calendars.Add(calendar);
        }
        var present = await db.CalendarMembers.Where(m => m.CalendarId == calendar.Id).Select(m => m.MemberId).ToListAsync(cancellationToken);
        var wanted = (created ? everyone.Where(m => m.Id == caller.MemberId) : []).Concat(named).DistinctBy(m => m.Id).ToList();
        var added = wanted.Where(m => !present.Contains(m.Id)).ToList();
        foreach (var member in added)
        {
            db.CalendarMembers.Add(new CalendarMember { Id = Guid.NewGuid(), OrganizationId = organization.Id, CalendarId = calendar.Id, MemberId = member.Id, CreatedAt = clock.GetUtcNow() });
        }
        var names = CalendarText.List(added.Select(m => m.Id == caller.MemberId ? "you" : m.DisplayName).ToList());
        if (created)
        {
            return new ToolResult($"Created the {calendar.Name} team calendar with {names}. Events you put on it invite its members: 'schedule a meeting on the {calendar.Name} calendar friday at 10am about planning'.");
        }
        return added.Count == 0
            ? new ToolResult($"Everyone you named is already on the {calendar.Name} calendar.")
            : new ToolResult($"Added {names} to the {calendar.Name} team calendar.");
    }
}
