using System.ComponentModel;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using static OperatorOne.Skills.Tickets.TicketPhrases;

namespace OperatorOne.Skills.Tickets;

/// <summary>Changes a ticket's title or description (a typo, a clearer summary, the details found later).</summary>
internal static class EditTicket
{
    private const string TitleWord = "(title|subject|summary|name)";

    private const string DescriptionWord = "(description|details|body|text)";

    /// <summary>What comes between the field and its new words: " to", ": ", " to: ", ", it should be ", " please, should read ".</summary>
    private const string Becomes = $"( please| pls)?( to:?|{Colon}|,? (it )?(should|needs to|must) (now )?(be|say|read)( that)?:?|,? (make it|change it to|so it (says|reads)):?) ?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "edit_ticket",
        Description = "Change a ticket's title or description",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        Handler = RunAsync,
        Utterances =
        [
            // "rename ticket 12 to Printer on floor 3 is jammed", "change the title of 12 to …"
            Utterance.Of($"(please )?(rename|retitle) {Ref}( to| as|{Colon})(?<title>.+)"),
            Utterance.Of($"(please )?(change|set|update|edit|fix|correct) (the )?{TitleWord} (of|on|for) {Ref}{Becomes}[\"“']?(?<title>.+?)[\"”']?"),
            // "ticket 711's title is wrong, it should be "…"", "edit 2045: description should say …": the field named, then what it becomes.
            Utterance.Of($"{Ref}(['’]s)? {TitleWord}( is wrong| is incorrect| is off| needs (fixing|changing))?{Becomes}[\"“']?(?<title>.+?)[\"”']?"),
            Utterance.Of($"{Ref}(['’]s)? {DescriptionWord}( is wrong| is incorrect| is off| needs (fixing|changing))?{Becomes}[\"“']?(?<description>.+?)[\"”']?"),
            Utterance.Of($"(please )?(edit|change|update|fix|correct) {Ref}{Colon}(the )?{TitleWord}{Becomes}[\"“']?(?<title>.+?)[\"”']?"),
            Utterance.Of($"(please )?(edit|change|update|fix|correct) {Ref}{Colon}(the )?{DescriptionWord}{Becomes}[\"“']?(?<description>.+?)[\"”']?"),
            // "change the description of 12 to …", "set the description of ticket 12: happens every morning"
            Utterance.Of($"(please )?(change|set|update|edit|replace|rewrite|fix|correct) (the )?{DescriptionWord} (of|on|for) {Ref}{Becomes}[\"“']?(?<description>.+?)[\"”']?"),
            Utterance.Of($"(please )?(describe|add (a )?description to) {Ref}( as|{Colon})(?<description>.+)"),
            Utterance.Of($"(please )?(edit|change|update) {Ref}"),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["number"] = "Which ticket? Tell me its number, like 12.",
            ["title"] = "What should the new title be?",
        },
        HelpExample = "rename ticket 12 to Printer on floor 3 is jammed",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        TimeProvider clock,
        [Description("The ticket number, e.g. 12.")] int number,
        [Description("The new title, if it changes.")] string? title = null,
        [Description("The new description, if it changes.")] string? description = null,
        CancellationToken cancellationToken = default)
    {
        if (title is null && description is null)
        {
            return ToolResult.Ask("title", "What should the new title be? (Or say 'change the description of …' to change the details.)", []);
        }
        var ticket = await db.FindVisibleAsync(number, caller, cancellationToken);
        if (ticket is null)
        {
            return ToolResult.Refused(TicketQueries.NotFound(number));
        }
        var changes = new List<string>();
        if (title is not null)
        {
            var clean = TicketText.Title(title);
            if (clean.Length == 0)
            {
                return ToolResult.Refused("A ticket needs a title. What should it be?");
            }
            changes.Add($"renamed it from \"{ticket.Title}\" to \"{clean}\"");
            ticket.Title = clean;
        }
        if (description is not null)
        {
            var text = description.Trim();
            if (text.Length > TicketText.MaxCommentLength)
            {
                return ToolResult.Refused($"That description is too long ({text.Length} characters; the limit is {TicketText.MaxCommentLength}).");
            }
            ticket.Description = text;
            changes.Add(text.Length == 0 ? "cleared the description" : "updated the description");
        }
        ticket.UpdatedAt = clock.GetUtcNow();
        await IntegrationEvents.TicketAsync(db, caller, clock.GetUtcNow(), WebhookEvents.TicketUpdated, ticket, "edited", cancellationToken);
        return new ToolResult($"Ticket #{number}: {string.Join(" and ", changes)}.");
    }
}
