using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Tickets.TicketPhrases;

namespace OperatorOne.Skills.Tickets;

/// <summary>Deletes a ticket and its comments for good; risky, so it runs only after an admin approves.</summary>
internal static class DeleteTicket
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "delete_ticket",
        Description = "Delete a ticket and its comments permanently",
        Tier = ToolTier.RiskyWrite,
        MinimumRole = MemberRole.Member,
        ApproverRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            // "permanently delete 880? someone opened it by mistake", "remove tix #902 and its comments": the comments go with it.
            Utterance.Of($"(please )?(permanently |completely )?(delete|remove|erase|destroy|trash|purge|wipe|kill|get rid of) {Ref}( and (its|all its|all of its|the|all the) (comments|history|notes|replies))?( permanently| for good| completely)?{Aside}"),
            // "ticket 31 was opened by mistake, get rid of it".
            Utterance.Of($"{Ref}( (is|was) [^,]+)?,? (please )?(delete|remove|trash|bin|get rid of) it"),
            Utterance.Of($"(i (need|want) )?{Ref} (deleted|removed|gone)"),
        ],
        Prompts = new Dictionary<string, string> { ["number"] = "Which ticket should I delete? Tell me its number." },
        HelpExample = "delete ticket 12",
        Summarize = SummarizeAsync,
        Check = CheckAsync,
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        [Description("The number of the ticket to delete, e.g. 12.")] int number,
        CancellationToken cancellationToken = default)
    {
        // Comments go with it through the foreign key's ON DELETE CASCADE.
        var deleted = await db.Tickets.Where(t => t.Number == number).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0
            ? ToolResult.Refused(TicketQueries.NotFound(number))
            : new ToolResult($"Ticket #{number} deleted.");
    }

    /// <summary>No approval is asked for a ticket that does not exist.</summary>
    public static async Task<ToolResult?> CheckAsync(OperatorOneDb db, Caller caller, int number, CancellationToken cancellationToken) =>
        await db.FindVisibleAsync(number, caller, cancellationToken) is null
            ? ToolResult.Refused(TicketQueries.NotFound(number))
            : null;

    /// <summary>"Delete ticket #12 (Printer jammed)" on the approval card, so approvers see what they are deleting.</summary>
    public static async Task<string> SummarizeAsync(OperatorOneDb db, int number, CancellationToken cancellationToken)
    {
        var title = await db.Tickets
            .Where(t => t.Number == number)
            .Select(t => t.Title)
            .FirstOrDefaultAsync(cancellationToken);
        return title is null ? $"Delete ticket #{number}" : $"Delete ticket #{number} ({title})";
    }
}
