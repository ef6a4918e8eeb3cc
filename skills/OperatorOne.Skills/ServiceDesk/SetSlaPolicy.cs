using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.ServiceDesk;
using OperatorOne.Data.Tickets;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>Sets the first-response and resolution targets (business time) for one priority; applies to tickets opened from now on.</summary>
internal static partial class SetSlaPolicy
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "set_sla_policy",
        Description = "Set the SLA targets (first response and resolution) for a priority",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"(set|change|update) (the )?sla (for|of|on) {TicketPhrases.Priority}( priority)?( tickets)?( to)?( (?<firstResponse>[^,]+?) (first )?response)?(,? (and )?(?<resolution>[^,]+?) resolution)?"),
            // "set the SLA for urgent tickets: first response 30 minutes, resolution 4 hours": each target named before its time.
            Utterance.Of($"(set|change|update) (the )?sla (for|of|on) {TicketPhrases.Priority}( priority)?( tickets)?( to|{TicketPhrases.Colon}|,)? {Named("first ?response|response", "firstResponse")}(,? (and )?{Named("resolution|resolve|fix", "resolution")})?"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["priority"] = "For which priority: low, normal, high or urgent?",
            ["firstResponse"] = "How long until the first response, e.g. 30 minutes?",
            ["resolution"] = "How long until resolution, e.g. 4 hours?",
        },
        HelpExample = "set sla for urgent to 30 minutes response and 4 hours resolution",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        CurrentOrganization organization,
        [Description("The priority the targets apply to.")] TicketPriority priority,
        [Description("First-response target, e.g. '30 minutes' or '2 hours'.")] string firstResponse,
        [Description("Resolution target, e.g. '4 hours' or '3 days'.")] string resolution,
        CancellationToken cancellationToken = default)
    {
        if (ParseDuration(firstResponse) is not { } response || ParseDuration(resolution) is not { } resolve)
        {
            return ToolResult.Refused("I need durations like \"30 minutes\", \"4 hours\" or \"2 days\".");
        }
        if (resolve < response)
        {
            return ToolResult.Refused("The resolution target can't be shorter than the first-response target.");
        }
        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Priority == priority, cancellationToken);
        if (policy is null)
        {
            db.SlaPolicies.Add(policy = new SlaPolicy { Id = Guid.NewGuid(), OrganizationId = organization.Id, Priority = priority });
        }
        policy.FirstResponse = response;
        policy.Resolution = resolve;
        return new ToolResult($"{char.ToUpperInvariant(TicketText.Word(priority)[0])}{TicketText.Word(priority)[1..]} tickets now need a first response within {NaturalDurations.Say(response)} and resolution within {NaturalDurations.Say(resolve)} of business time.");
    }

    /// <summary>A target's name, then its time: "first response 30 minutes", "resolution in 4 hours", "response time of two days".</summary>
    private static string Named(string target, string parameter) =>
        $"(the )?({target})( time| target)?( (of|in|within|to|is|=|:))? (?<{parameter}>[^,]+?)";

    /// <summary>"30 minutes", "4h", "2 days", "1.5 hours" → a positive span of at most a year.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }
        var span = match.Groups["unit"].Value.ToLowerInvariant()[0] switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
        return span <= TimeSpan.FromDays(366) ? span : null;
    }

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?) ?(?<unit>m|mins?|minutes?|h|hrs?|hours?|d|days?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
