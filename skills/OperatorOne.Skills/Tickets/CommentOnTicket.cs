using System.ComponentModel;
using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Webhooks;
using OperatorOne.Data;
using OperatorOne.Data.Members;
using OperatorOne.Data.Tickets;
using static OperatorOne.Skills.Tickets.TicketPhrases;

namespace OperatorOne.Skills.Tickets;

/// <summary>Adds a public comment or an internal note. Guests may comment on their own tickets, never internally.</summary>
internal static class CommentOnTicket
{
    /// <summary>": rebooted it", or nothing (then we ask for the text).</summary>
    private const string Text = $"({Colon}{Said})?";

    /// <summary>The comment itself, without the quotes it was typed in ("reply on #1999 saying "can you send a screenshot?"").</summary>
    private const string Said = "[\"“]?(?<text>.+?)[\"”]?";

    /// <summary>
    /// "tell the requester", "let them know that": who a reply is for, not what it says. Only words a comment's own text
    /// seldom starts with: a pattern's words are trimmed off the ends of words left over ("the customer called back").
    /// </summary>
    private const string Relay = "(tell|let) (the )?(requester|reporter|them|him|her)( know)?( that)? ";

    /// <summary>"only staff can see it", "staff only": the note is internal, and those words are not its text.</summary>
    private const string StaffOnly = "((,| -)? ?(only staff (can|should) see (it|this)|staff only|internal only|not for the (customer|requester))[,:.]?)";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "comment_on_ticket",
        Description = "Add a comment or an internal note to a ticket",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Member,
        AllowGuests = true,
        Handler = RunAsync,
        Utterances =
        [
            // "comment on 12: rebooted it", "add a comment to #12: …", "reply to ticket 12: …"
            Utterance.Of($"(add (a |an )?)?(public )?(comment|reply)( on| to| for)? {Ref}{Text}"),
            Utterance.Of($"(add (a |an )?)?(public )?(comment|reply)"),
            Utterance.Of($"(comment|reply|post|write)( on| to| for)? {Ref} (saying|that) {Said}"),
            // "on ticket 612 tell the requester we've ordered the part", "reply on 14 and let the customer know it's fixed".
            Utterance.Of($"((comment|reply|post|write) )?(on|for|to) {Ref},? (and )?{Relay}{Said}"),
            Utterance.Of($"(add|post|write)( this)? (to|on) {Ref}{Colon}(?<text>.+)"),
            // "update 12: replaced the toner"; without the text it is a question ("any update on 12"), not a comment.
            Utterance.Of($"(add (an )?)?update (on |to |for )?{Ref}{Colon}(?<text>.+)"),
            // "add an internal note to #12: …", "private note on 12: …"; a bare "note" is internal, as in most help desks.
            Utterance.Of($"(add (a |an )?)?((internal|private|staff|staff-only|staff only) )?(note|internal comment|private comment)( on| to| for)? {Ref}{StaffOnly}?{Text}", Internal),
            Utterance.Of($"(add (a |an )?)?((internal|private|staff|staff-only|staff only) )?(note|internal comment|private comment)( on| to| for)? {Ref}{StaffOnly} {Said}", Internal),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["number"] = "Which ticket? Tell me its number, like 12.",
            ["text"] = "What should the comment say?",
        },
        HelpExample = "comment on 12: rebooted it",
    };

    private static Dictionary<string, string> Internal => new() { ["internal"] = "true" };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        OutboxWriter outbox,
        TimeProvider clock,
        [Description("The ticket number, e.g. 12.")] int number,
        [Description("What to add to the ticket.")] string text,
        [Description("True for a note only staff can see; false (the default) for a comment the requester sees too.")] bool @internal = false,
        CancellationToken cancellationToken = default)
    {
        var ticket = await db.FindVisibleAsync(number, caller, cancellationToken);
        if (ticket is null)
        {
            return ToolResult.Refused(caller.IsGuest
                ? $"I couldn't find ticket #{number} among the tickets you opened."
                : TicketQueries.NotFound(number));
        }
        var body = text.Trim();
        if (body.Length == 0)
        {
            return ToolResult.Refused("The comment is empty. What should it say?");
        }
        if (body.Length > TicketText.MaxCommentLength)
        {
            return ToolResult.Refused($"That comment is too long ({body.Length} characters; the limit is {TicketText.MaxCommentLength}).");
        }
        // Internal notes are a staff tool: a guest's words always reach the ticket as a public comment.
        var isInternal = @internal && caller.Role >= MemberRole.Member;
        db.TicketComments.Add(new TicketComment
        {
            Id = Guid.NewGuid(),
            OrganizationId = organization.Id,
            TicketId = ticket.Id,
            AuthorId = caller.MemberId,
            Text = body,
            IsInternal = isInternal,
            CreatedAt = clock.GetUtcNow(),
        });
        ticket.UpdatedAt = clock.GetUtcNow();
        if (!isInternal)
        {
            await RequesterNotices.TellAsync(db, caller, outbox, clock.GetUtcNow(), ticket, $"{caller.DisplayName} commented on your ticket #{ticket.Number} ({ticket.Title}): {body}", cancellationToken);
        }
        await IntegrationEvents.TicketAsync(db, caller, clock.GetUtcNow(), WebhookEvents.TicketUpdated, ticket, isInternal ? "internal_note" : "comment", cancellationToken);
        return new ToolResult(isInternal
            ? $"Added an internal note to ticket #{ticket.Number}."
            : $"Added your comment to ticket #{ticket.Number}.");
    }
}
