using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Calendar;

/// <summary>
/// Sets the caller's own working hours, on their own clock in their own time zone ("default" returns to the
/// organization's); admins may set another member's. Free-slot search and clash reports read them per person.
/// </summary>
internal static class SetWorkingHours
{
    private const string Hours = "(working|work|office|business) hours";
    private const string Said = $@"(?<hours>[^ ].*\d.*|{WorkingHoursText.SpokenHour} (to|till|until) {WorkingHoursText.SpokenHour}( .+)?|default|the default|normal|standard)";
    // "…, update my hours": the ask said after the hours is not part of them.
    private const string SoUpdate = $"( now)?,? (so |and )?(please )?(update|change|set) my ({Hours}|hours)( please)?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "set_working_hours",
        Description = "Set my working hours (or, for admins, a member's)",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            // "my working hours are 8 to 4", "set my work hours to 10am-6pm Mon-Thu"
            Utterance.Of($"(please )?(set|change|update|make|switch) my {Hours}( to| as)? {Said}"),
            Utterance.Of($"my {Hours} are( now)? {Said}"),
            Utterance.Of($"my (working|work) (day|week) is( now)? {Said}"),
            // "I work 10am-6pm Mon-Thu", "I work from 9 to 5", "I work mondays to thursdays from 10 to 6"
            Utterance.Of(@"i( usually| normally| now| only)? work (?<hours>(from |mon|tue|wed|thu|fri|sat|sun|\d).*\d.*)"),
            // "from this week I work 7:30-15:30 Mon-Thu, update my hours"
            Utterance.Of($@"((from|starting) (this|next) week,? |from now on,? )?i( usually| normally| now| only)? work (?<hours>(from |mon|tue|wed|thu|fri|sat|sun|\d).*?\d.*?){SoUpdate}"),
            Utterance.Of(@"i(['’]m| am) (at work|in the office|working|available) (?<hours>(from |\d).*\d.*)"),
            // "set Ada's working hours to 7 to 3" (admins)
            Utterance.Of($"(please )?(set|change|update) (?<member>[^ ]+( [^ ]+)?)['’]s? {Hours}( to| as)? {Said}"),
            Utterance.Of($"(?<member>[^ ]+( [^ ]+)?)['’]s {Hours} are( now)? {Said}"),
            // "Kemal works 6am-2pm weekdays now, can you set that as his working hours?": the hours said first, the ask after.
            Utterance.Of($@"(?<member>[^ ]+( [^ ]+)?) (now |usually |normally )?works (?<hours>(from |mon|tue|wed|thu|fri|sat|sun|\d).*?\d.*?)( now)?,? (so |and )?(please )?((can|could) you )?(update|change|set|make|save|put) (that|this|it|those)( as| in| down as)? (his|her|their) ({Hours}|hours)( please)?"),
            // "change the working hours for rahul to nine to three monday to friday"
            Utterance.Of($"(please )?(set|change|update) (the )?{Hours} (for|of) (?<member>[^ ]+( [^ ]+)?) (to|as) {Said}"),
            Utterance.Of($"(reset|clear|remove|forget) my {Hours}", new Dictionary<string, string> { ["hours"] = "default" }),
            // "put my working hours back to normal": back means to what they were before anyone set them.
            Utterance.Of($"(please )?(put|set|change|reset|switch|take|turn) my {Hours} back( to)?( the)?( default| normal| standard| usual)?", new Dictionary<string, string> { ["hours"] = "default" }),
            Utterance.Of($"(set|change|update) my {Hours}"),
        ],
        Prompts = new Dictionary<string, string> { ["hours"] = "What are your working hours? For example '9 to 5' or '10am-6pm Mon-Thu'." },
        HelpExample = "my working hours are 10am-6pm Mon-Thu",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        TimeProvider clock,
        IOptions<CalendarOptions> calendar,
        [Description("The hours and optionally days, e.g. '9 to 5', '10am-6pm Mon-Thu', '8:30-16:30 weekdays', or 'default' for the organization's.")] string hours,
        [Description("Whose hours (name or handle); the caller's own when empty. Only admins may set someone else's.")] string? member = null,
        CancellationToken cancellationToken = default)
    {
        var (whoId, whoName, problem) = await WhoAsync(db, caller, member, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var own = whoId == caller.MemberId;
        var row = await db.WorkingHours.FirstOrDefaultAsync(h => h.MemberId == whoId, cancellationToken);
        var fallback = calendar.Value.Hours;
        if (hours.Trim().ToLowerInvariant() is "default" or "the default" or "normal" or "standard")
        {
            if (row is not null)
            {
                db.WorkingHours.Remove(row);
            }
            return new ToolResult($"{(own ? "You work" : $"{whoName} works")} the organization's hours again: {fallback.Describe()}.");
        }
        var current = row is null ? fallback.Days : WorkingHours.FromBits(row.Days);
        var (parsed, unreadable) = WorkingHoursText.Parse(hours, current);
        if (parsed is null)
        {
            return ToolResult.Refused(unreadable!);
        }
        if (row is null)
        {
            row = new MemberWorkingHours { Id = Guid.NewGuid(), OrganizationId = organization.Id, MemberId = whoId };
            db.WorkingHours.Add(row);
        }
        (row.StartsAt, row.EndsAt, row.Days, row.UpdatedAt) = (parsed.Start, parsed.End, parsed.DayBits, clock.GetUtcNow());
        var zones = await MemberZones.OfAsync(db, [whoId], cancellationToken);
        var zone = zones.GetValueOrDefault(whoId, TimeZoneInfo.Utc).Id;
        return new ToolResult($"{(own ? "Your" : $"{whoName}'s")} working hours are now {parsed.Describe()} ({zone} time). " +
            "Free-slot searches and clash checks use them.");
    }

    private static async Task<(Guid Id, string Name, ToolResult? Problem)> WhoAsync(OperatorOneDb db, Caller caller, string? member, CancellationToken cancellationToken)
    {
        var said = (member ?? "").Trim();
        if (caller.MemberId is not { } me)
        {
            return (Guid.Empty, "", ToolResult.Refused("Only members have working hours."));
        }
        if (said.Length == 0 || said.ToLowerInvariant() is "my" or "me" or "mine" or "i")
        {
            return (me, caller.DisplayName, null);
        }
        var members = await CalendarQueries.MembersAsync(db, cancellationToken);
        var (found, problem) = AttendeeNames.Resolve("member", said, null, members);
        if (problem is not null || found.Count != 1)
        {
            return (Guid.Empty, "", problem ?? ToolResult.Refused($"I couldn't find a member called \"{said}\"."));
        }
        if (found[0].Id != caller.MemberId && caller.Role < MemberRole.Admin)
        {
            return (Guid.Empty, "", ToolResult.Refused($"Only admins can set someone else's working hours; {found[0].DisplayName} can set their own."));
        }
        return (found[0].Id, found[0].DisplayName, null);
    }
}
