using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.ServiceDesk;
using OperatorOne.Data.Tickets;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>A triage rule: a ticket that mentions a word is suggested a priority ("when a ticket mentions outage, make it urgent").</summary>
internal static class AddPriorityRule
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "add_priority_rule",
        Description = "Add a triage rule: tickets mentioning a keyword are suggested a priority",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            Utterance.Of($"(when|if) a ticket (mentions|says|contains) (?<keyword>.+?),? (make it|set it to|treat it as|mark it) {TicketPhrases.Priority}( priority)?"),
            Utterance.Of($"(treat|mark) (?<keyword>.+?) (tickets )?as {TicketPhrases.Priority}( priority)?"),
            // "add a triage rule: keyword invoice -> high", "new priority rule 'outage' = urgent": the rule written as a mapping.
            Utterance.Of($"(add|create|make|new|set up)( a| an| another)?( new)? (triage|priority|keyword)? ?rule( for)?({TicketPhrases.Colon}| )((the )?(keyword|word|phrase) [\"“']?(?<keyword>.+?)[\"”']? (->|→|=>|=|gets|means|maps to|should be|is)|[\"“']?(?<keyword>.+?)[\"”']? (->|→|=>|=)) {TicketPhrases.Priority}( priority)?"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["keyword"] = "Which word should trigger the rule?",
            ["priority"] = "Which priority: low, normal, high or urgent?",
        },
        HelpExample = "when a ticket mentions outage, make it urgent",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("The word or phrase to look for in a new ticket's text.")] string keyword,
        [Description("The priority to suggest.")] TicketPriority priority,
        CancellationToken cancellationToken = default)
    {
        var word = keyword.Trim().Trim('"', '\'').ToLowerInvariant();
        if (word.Length is 0 or > 100)
        {
            return ToolResult.Refused("The keyword must be between 1 and 100 characters.");
        }
        var rule = await db.PriorityRules.FirstOrDefaultAsync(r => r.Keyword == word, cancellationToken);
        if (rule is null)
        {
            db.PriorityRules.Add(rule = new PriorityRule { Id = Guid.NewGuid(), OrganizationId = organization.Id, Keyword = word, CreatedAt = clock.GetUtcNow() });
        }
        rule.Priority = priority;
        return new ToolResult($"New tickets that mention \"{word}\" will be suggested {TicketText.Word(priority)} priority.");
    }
}
