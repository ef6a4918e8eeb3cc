using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Calendar;

/// <summary>Sets the caller's own time zone (an IANA id such as Europe/Berlin, or a city in one); "default" returns to the organization's.</summary>
internal static class SetTimeZone
{
    private const string Zone = @"(?<zone>[a-z_]+(/[a-z_+\-]+){0,2}|utc|gmt|default|[a-z]+ [a-z]+)";

    private const string LivesIn = "(i(['’]?m| am)|i live|i work|i(['’]?m| am) based|i(['’]?ve| have)( just)? moved|i( just)? moved|i(['’]?m| am) relocating) (now )?(in|to)";

    // "i'm in toronto now", "i'm in sydney for the next month": how long is not where.
    private const string ForNow = "( now| for now| for (the next|a|the) [^ ,]+( [^ ,]+)?| this week| until [^,]+)?";

    private const string IanaZone = @"(?<zone>[a-z_]+/[a-z_+\-]+(/[a-z_+\-]+)?|utc|gmt)";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "set_time_zone",
        Description = "Set my time zone",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"(please )?(set|change|update|switch|make) my (time ?zone|tz)( to| as)? {Zone}"),
            Utterance.Of($"my (time ?zone|tz) (is|should be|needs to be|has to be)( now)? {Zone}"),
            Utterance.Of($"{LivesIn} {IanaZone}( time( ?zone)?)?"),
            // "I've moved to Singapore, change my timezone": asking for the change names the place a zone.
            Utterance.Of($"{LivesIn} {Zone}{ForNow},? (so |and )?(please )?(change|update|set|switch|fix) my (time ?zone|tz)( please)?"),
            Utterance.Of($"(use|switch to|put me (in|on)) {Zone} (time|time ?zone)"),
            Utterance.Of($"(set|change) (the )?time ?zone (for me )?to {Zone}"),
            Utterance.Of("(set|change|update) my (time ?zone|tz)"),
        ],
        Prompts = new Dictionary<string, string> { ["zone"] = "Which time zone? For example Europe/Berlin or America/New_York." },
        HelpExample = "set my time zone to Europe/Berlin",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("An IANA time zone id such as 'Europe/Berlin', a city such as 'Berlin', or 'default' for the organization's.")] string zone,
        CancellationToken cancellationToken = default)
    {
        var member = await db.Members.SingleAsync(m => m.Id == caller.MemberId, cancellationToken);
        if (zone.Trim().Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            member.TimeZone = null;
            var organizationZone = await db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.TimeZone).SingleAsync(cancellationToken);
            return new ToolResult($"You now use the organization's time zone, {organizationZone}.");
        }
        if (Find(zone) is not { } id)
        {
            return ToolResult.Refused($"I don't know the time zone \"{zone.Trim()}\". Use an IANA name such as Europe/Berlin or America/New_York.");
        }
        member.TimeZone = id;
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), NaturalDates.Zone(id));
        return new ToolResult($"Your time zone is now {id} (it's {now:HH:mm} there). I'll read and show times in it.");
    }

    /// <summary>The IANA id a name means: exact (any case), or the one zone whose city part matches ("berlin", "new york").</summary>
    internal static string? Find(string name)
    {
        var wanted = name.Trim().Replace(' ', '_');
        if (wanted.Equals("utc", StringComparison.OrdinalIgnoreCase) || wanted.Equals("gmt", StringComparison.OrdinalIgnoreCase))
        {
            return "UTC";
        }
        var ids = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).ToList();
        var exact = ids.FirstOrDefault(id => id.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }
        var cities = ids.Where(id => id[(id.LastIndexOf('/') + 1)..].Equals(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return cities.Count == 1 ? cities[0] : null;
    }
}
