using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Crm;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Crm;

/// <summary>The caller's open deals expected to close this calendar month, in the caller's time zone.</summary>
internal static class MyDealsClosing
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "my_deals_closing",
        Description = "List my deals closing this month",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "my deals closing this month", "which of my deals close this month", "what deals am I closing this month"
            Utterance.Of("((show|list)( me)? |what are |which (of )?)?(are )?my (open )?deals( that)?( are| will be)? (closing|that close|to close|due|close)( this month)?"),
            Utterance.Of("(what|which) deals (am i|do i have) (closing|to close)( this month)?"),
            Utterance.Of("(show|list)( me)? my deals"),
            Utterance.Of("(what|which) deals are (closing|due) for me( this month)?"),
        ],
        HelpExample = "my deals closing this month",
    };

    public static async Task<ToolResult> RunAsync(OperatorOneDb db, Caller caller, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var (first, last) = Month(clock.GetUtcNow(), caller.TimeZone);
        var memberId = caller.MemberId;
        var deals = await db.Deals
            .Where(d => d.OwnerId == memberId && d.Stage != DealStage.Won && d.Stage != DealStage.Lost)
            .Where(d => d.ExpectedClose >= first && d.ExpectedClose <= last)
            .OrderBy(d => d.ExpectedClose).ThenBy(d => d.Name)
            .Select(d => new { d.Name, d.Value, d.Currency, d.Stage, d.ExpectedClose })
            .ToListAsync(cancellationToken);
        var month = first.ToString("MMMM", CultureInfo.InvariantCulture);
        if (deals.Count == 0)
        {
            return new ToolResult($"You have no open deals expected to close in {month}.");
        }
        var lines = deals.Select(d => $"• {d.Name}: {CrmText.Money(d.Value, d.Currency)}, {CrmText.Word(d.Stage)} ({DealStages.Probability(d.Stage)}%), closes {d.ExpectedClose.ToString("MMM d", CultureInfo.InvariantCulture)}");
        var forecast = deals.GroupBy(d => d.Currency.Trim()).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => CrmText.Money(g.Sum(d => DealStages.Weighted(d.Value, d.Stage)), g.Key));
        return new ToolResult($"Your deals closing in {month}:\n{string.Join("\n", lines)}\nWeighted forecast: {string.Join(" + ", forecast)}.");
    }

    /// <summary>The first and last day of the month it is now where the caller lives.</summary>
    internal static (DateOnly First, DateOnly Last) Month(DateTimeOffset now, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var first = new DateOnly(local.Year, local.Month, 1);
        return (first, first.AddMonths(1).AddDays(-1));
    }
}
