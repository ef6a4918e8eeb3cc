using System.Text.RegularExpressions;
using OperatorOne.Data.Tickets;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

internal sealed record CategoryKeywords(string Name, Guid? QueueId, IReadOnlyList<string> Keywords);

internal sealed record PriorityKeyword(string Keyword, TicketPriority Priority);

internal sealed record TriageSuggestion(string? Category, Guid? QueueId, TicketPriority? Priority, IReadOnlyList<string> Reasons);

/// <summary>A new ticket after triage: its category, the queue that category feeds, its priority, and what triage changed.</summary>
internal sealed record TriageOutcome(string? Category, Guid? QueueId, TicketPriority Priority, IReadOnlyList<string> Applied);

/// <summary>Proactive triage: the organization's keyword rules read a new ticket's text and suggest a category and a priority.</summary>
internal static class Triage
{
    /// <summary>The category with most keyword hits (first by name on a tie) and the highest priority any rule hits.</summary>
    public static TriageSuggestion Suggest(string text, IReadOnlyList<CategoryKeywords> categories, IReadOnlyList<PriorityKeyword> priorities)
    {
        var reasons = new List<string>();
        var best = categories
            .Select(c => (Category: c, Hits: c.Keywords.Where(k => Mentions(text, k)).ToList()))
            .Where(c => c.Hits.Count > 0)
            .OrderByDescending(c => c.Hits.Count).ThenBy(c => c.Category.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Category is not null)
        {
            reasons.AddRange(best.Hits);
        }
        var priority = priorities.Where(p => Mentions(text, p.Keyword)).OrderByDescending(p => p.Priority).FirstOrDefault();
        if (priority is not null)
        {
            reasons.Add(priority.Keyword);
        }
        return new TriageSuggestion(best.Category?.Name, best.Category?.QueueId, priority?.Priority, reasons.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>
    /// Applies a suggestion only where the requester left room: a category when they named none, a priority when it is
    /// higher than theirs (triage never lowers what someone asked for). The queue follows the category either way.
    /// </summary>
    public static TriageOutcome Apply(string? category, TicketPriority priority, TriageSuggestion suggestion, IReadOnlyList<CategoryKeywords> categories)
    {
        var applied = new List<string>();
        if (category is null && suggestion.Category is not null)
        {
            category = suggestion.Category;
            applied.Add($"category {category}");
        }
        var queueId = category is null ? null
            : categories.FirstOrDefault(c => string.Equals(c.Name, category, StringComparison.OrdinalIgnoreCase))?.QueueId;
        if (suggestion.Priority is { } suggested && suggested > priority)
        {
            priority = suggested;
            applied.Add($"{TicketText.Word(suggested)} priority");
        }
        return new TriageOutcome(category, queueId, priority, applied);
    }

    /// <summary>A whole word or phrase, so "vpn" matches "VPN is down" but "port" does not match "report".</summary>
    public static bool Mentions(string text, string keyword) =>
        keyword.Trim().Length > 0
        && Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(keyword.Trim())}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));

    /// <summary>"vpn, wifi and network" → ["vpn", "wifi", "network"].</summary>
    public static List<string> SplitKeywords(string text) =>
        Regex.Split(text, @"\s*(?:,|;|\band\b|\bor\b)\s*", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50))
            .Select(k => k.Trim().Trim('"', '\'').ToLowerInvariant())
            .Where(k => k.Length is > 0 and <= 100)
            .Distinct()
            .ToList();
}
