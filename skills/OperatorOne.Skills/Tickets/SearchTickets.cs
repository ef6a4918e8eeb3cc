using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Tickets;

/// <summary>
/// Tickets whose title or description mention the words (PostgreSQL full-text search, english stems, title first), closed
/// ones included; when no word matches as a whole, titles containing the text are tried.
/// </summary>
internal static class SearchTickets
{
    /// <summary>
    /// What is searched for, without "… in them" after it or a look-up said after the question ("has anyone reported
    /// the Xero sync error? look through the tickets").
    /// </summary>
    private const string Words = "(?<query>.+?)( already| yet)?( in (them|it|the title|the text|the description))?( ?[?.!,;]? (please |pls |can you |could you )?(look through|search|check|look in|go through)( the| all| our)? (tickets|tix)( please| pls)?)?";

    /// <summary>What ties the tickets to the words searched for: "about", "mentioning", "that talk about".</summary>
    private const string About = "(about|mentioning|regarding|on|with|related to|containing|that (mention|mentions|talk about|are about))";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "search_tickets",
        Description = "Search tickets by words in their title or description",
        Tier = ToolTier.ReadOnly,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            // "search tickets for printer", "find tickets about the vpn", "any tickets mentioning toner"
            Utterance.Of($"(please )?(search|look through|check)( the| all)? (tickets|tix) (for|about|on|mentioning|with) {Words}"),
            Utterance.Of($"(please )?(find|show|list|get|look for|look up|search for)( me)?( all| any| the)? (tickets|tix) ({About}|for) {Words}"),
            // A question whether it is already reported: "is there already a ticket about the broken projector", "any existing ticket on the door lock".
            Utterance.Of($"((is|are) there|do we have|have we got)( already)?( an?| any)?( existing| open)? tickets? (already )?{About} {Words}"),
            Utterance.Of($"any( existing| open)? (tickets?|issues|problems)( already)?( logged| reported| raised| opened)? {About} {Words}"),
            Utterance.Of($"(has|did) (anyone|anybody|someone|somebody)( already)? (report|reported|log|logged|raise|raised) {Words}"),
            Utterance.Of($"(which|what) (tickets|tix) (mention|are about|talk about|contain) {Words}"),
            Utterance.Of($"(search|find) (tickets|tix)"),
        ],
        Prompts = new Dictionary<string, string> { ["query"] = "What should I look for in the tickets?" },
        HelpExample = "search tickets for printer",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        [Description("The words to look for, e.g. 'printer toner'.")] string query,
        CancellationToken cancellationToken = default)
    {
        var words = query.Trim().Trim('"', '\'').Trim();
        if (words.Length is 0 or > 200)
        {
            return ToolResult.Refused("Tell me a few words to look for (up to 200 characters).");
        }
        var tickets = db.Tickets.VisibleTo(caller);
        // The query functions stay inside the lambdas: EF translates them there, and only there.
        var matches = tickets.Where(t => EF.Property<NpgsqlTsVector>(t, "SearchVector").Matches(EF.Functions.WebSearchToTsQuery("english", words)));
        var total = await matches.CountAsync(cancellationToken);
        var ordered = matches
            .OrderByDescending(t => EF.Property<NpgsqlTsVector>(t, "SearchVector").Rank(EF.Functions.WebSearchToTsQuery("english", words)))
            .ThenByDescending(t => t.Number);
        if (total == 0)
        {
            var pattern = $"%{words.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            matches = tickets.Where(t => EF.Functions.ILike(t.Title, pattern));
            total = await matches.CountAsync(cancellationToken);
            ordered = matches.OrderByDescending(t => t.Number);
        }
        if (total == 0)
        {
            return new ToolResult($"No tickets mention \"{words}\".");
        }
        var page = await ordered.Take(ListTickets.MaxShown)
            .Select(t => new { t.Number, t.Title, t.Status, t.Priority, t.AssigneeId })
            .ToListAsync(cancellationToken);
        var names = await db.MemberNamesAsync(page.Select(t => t.AssigneeId), cancellationToken);
        var rows = page.Select(t => new TicketRow(t.Number, t.Title, t.Status, t.Priority, t.AssigneeId is { } id ? names.GetValueOrDefault(id) : null)).ToList();
        var heading = total == 1 ? $"1 ticket mentions \"{words}\"" : $"{total} tickets mention \"{words}\", best match first";
        return ListTickets.Reply(heading, rows, total);
    }
}
