using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.ServiceDesk;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>A day on which SLA time stands still.</summary>
internal static class AddHoliday
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "add_holiday",
        Description = "Add a holiday on which SLA time does not run",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of("(please )?add (a )?holiday( on)? (?<date>\\d{4}-\\d{2}-\\d{2})( ?[:\\-–]? (?<name>.+))?"),
            Utterance.Of("(?<date>\\d{4}-\\d{2}-\\d{2}) is a (public |bank )?holiday( ?[:\\-–]? (?<name>.+))?"),
        ],
        Prompts = new Dictionary<string, string> { ["date"] = "Which date (YYYY-MM-DD)?" },
        HelpExample = "add holiday 2026-12-25 Christmas",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        CurrentOrganization organization,
        [Description("The date, YYYY-MM-DD.")] string date,
        [Description("What the holiday is called.")] string? name = null,
        CancellationToken cancellationToken = default)
    {
        if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return ToolResult.Refused("I need the date as YYYY-MM-DD, like 2026-12-25.");
        }
        var label = string.IsNullOrWhiteSpace(name) ? "Holiday" : name.Trim()[..Math.Min(name.Trim().Length, 100)];
        if (await db.Holidays.AnyAsync(h => h.Date == day, cancellationToken))
        {
            return ToolResult.Refused($"{day:yyyy-MM-dd} is already a holiday.");
        }
        db.Holidays.Add(new Holiday { Id = Guid.NewGuid(), OrganizationId = organization.Id, Date = day, Name = label });
        return new ToolResult($"Added {label} on {day:dddd d MMMM yyyy}; SLA time stands still that day.");
    }
}
