using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Audit;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Email;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Channels.Email;

/// <summary>
/// What a mail does, decided in the turn: a reply in a ticket's thread (or naming "[#12]" in its subject) is a comment
/// on that ticket; any other mail opens a ticket; attachments go to the document intake. Only ticket tools up to
/// SafeWrite ever run, through the tool executor (roles, guests' limits, audit); a mail never decides an approval.
/// </summary>
internal sealed partial class MailTickets(ToolExecutor executor, ToolRegistry registry, IEnumerable<IFileIntake> intakes, AuditLog audit)
{
    public const string CreateTicket = "create_ticket";
    public const string CommentOnTicket = "comment_on_ticket";
    private const int MaxCommentLength = 4000;

    public async Task<MailOutcome> HandleAsync(InboundMail mail, string mailbox, ToolContext context, CancellationToken cancellationToken)
    {
        if (mail.Refusal is { } refusal)
        {
            audit.Record(context, AuditKinds.EmailRefused, "too_large", refusal);
            return new MailOutcome([new Reply($"I couldn't take your mail \"{mail.Subject}\": {refusal} Please send it again with smaller attachments.")],
                null, "refused: " + refusal);
        }
        var threadTicket = await ThreadTicketAsync(context, cancellationToken);
        var number = threadTicket?.Number ?? SubjectToken(mail.Subject);
        var replies = new List<Reply>();
        MailOutcome outcome;
        if (number is { } ticketNumber)
        {
            var comment = await RunAsync(CommentOnTicket, new JsonObject { ["number"] = ticketNumber, ["text"] = CommentText(mail) }, context, cancellationToken);
            replies.Add(new Reply(comment.Result.Text));
            outcome = new MailOutcome(replies, comment.Kind == ToolOutcomeKind.Ran ? ticketNumber : threadTicket?.Number,
                comment.Kind == ToolOutcomeKind.Ran ? $"comment on #{ticketNumber}" : $"comment on #{ticketNumber} refused");
        }
        else if (mail.Parents.Any(p => OutboundMessageIds.IsOurs(p, mailbox)))
        {
            replies.Add(new Reply("This address reads new requests and replies to ticket mails only, so I haven't acted on your reply. " +
                "Answer me in chat, or send a new mail to open a ticket."));
            outcome = new MailOutcome(replies, null, "reply to a notice");
        }
        else
        {
            outcome = await OpenAsync(mail, context, replies, cancellationToken);
        }
        if (mail.Files.Count > 0 && intakes.FirstOrDefault() is { } intake)
        {
            replies.AddRange(await intake.TakeAsync(mail.Files, null, context, cancellationToken));
        }
        return outcome;
    }

    private async Task<MailOutcome> OpenAsync(InboundMail mail, ToolContext context, List<Reply> replies, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var before = db.ChangeTracker.Entries<Ticket>().Select(e => e.Entity.Id).ToHashSet();
        var title = MailText.WithoutReplyPrefixes(mail.Subject) is { Length: > 0 } subject ? subject
            : MailText.OneLine(mail.Text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0), 120) is { Length: > 0 } line ? line : "(no subject)";
        var created = await RunAsync(CreateTicket, new JsonObject { ["title"] = title, ["description"] = mail.Text.Length > 0 ? mail.Text : null }, context, cancellationToken);
        replies.Add(new Reply(created.Result.Text) { Card = created.Result.Card });
        var ticket = db.ChangeTracker.Entries<Ticket>().Select(e => e.Entity).FirstOrDefault(t => !before.Contains(t.Id));
        if (created.Kind != ToolOutcomeKind.Ran || ticket is null || context.ConversationId is not { } conversationId)
        {
            return new MailOutcome(replies, null, "ticket refused: " + created.Result.Text);
        }
        db.EmailThreads.Add(new EmailThread
        {
            Id = Guid.NewGuid(), OrganizationId = context.OrganizationId, ConversationId = conversationId, TicketId = ticket.Id, CreatedAt = context.Now,
        });
        return new MailOutcome(replies, ticket.Number, $"opened ticket #{ticket.Number}");
    }

    /// <summary>Only ticket tools that are plain reversible writes run from a mail, whatever else the registry holds.</summary>
    private async Task<ToolOutcome> RunAsync(string tool, JsonObject arguments, ToolContext context, CancellationToken cancellationToken)
    {
        if (registry.Find(tool) is not { Definition.Tier: ToolTier.ReadOnly or ToolTier.SafeWrite })
        {
            return ToolOutcome.Denied("That can't be done by mail.");
        }
        return await executor.ExecuteAsync(new ToolCall(tool, arguments), context, cancellationToken);
    }

    private static async Task<Ticket?> ThreadTicketAsync(ToolContext context, CancellationToken cancellationToken) =>
        context.ConversationId is not { } conversationId ? null
            : await context.Db.EmailThreads.Where(t => t.ConversationId == conversationId)
                .Join(context.Db.Tickets, t => t.TicketId, ticket => ticket.Id, (_, ticket) => ticket)
                .AsNoTracking().FirstOrDefaultAsync(cancellationToken);

    private static string CommentText(InboundMail mail)
    {
        var text = mail.Text.Length > 0 ? mail.Text : mail.Files.Count > 0 ? $"(sent {mail.Files.Count} attachment(s) by mail)" : "(an empty reply by mail)";
        return text.Length <= MaxCommentLength ? text : text[..(MaxCommentLength - 1)] + "…";
    }

    /// <summary>"Re: Printer jammed [#12]" names ticket 12.</summary>
    internal static int? SubjectToken(string subject) =>
        TicketToken().Match(subject) is { Success: true } match && int.TryParse(match.Groups[1].Value, out var number) ? number : null;

    [GeneratedRegex(@"\[#(\d{1,9})\]")]
    private static partial Regex TicketToken();
}
