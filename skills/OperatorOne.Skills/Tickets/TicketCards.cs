using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Cards;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.Tickets;

/// <summary>A ticket and a ticket list as Adaptive Cards; channel-free, so Teams, Slack, web chat and voice all render them.</summary>
internal static class TicketCards
{
    /// <summary>The ticket with its times in <paramref name="zone"/>, the reader's.</summary>
    public static JsonObject Ticket(TicketView view, TimeZoneInfo zone)
    {
        var ticket = view.Ticket;
        var facts = new List<(string, string)>
        {
            ("Status", TicketText.Label(ticket.Status)),
            ("Priority", TicketText.Label(ticket.Priority)),
            ("Assignee", view.Assignee ?? "Unassigned"),
            ("Requester", view.Requester),
        };
        if (ticket.Category is { Length: > 0 } category)
        {
            facts.Add(("Category", category));
        }
        facts.Add(("Opened", TicketText.When(ticket.CreatedAt, zone)));

        var body = new List<JsonObject> { AdaptiveCard.Heading($"#{ticket.Number} {ticket.Title}"), AdaptiveCard.Facts([.. facts]) };
        if (ticket.Description.Length > 0)
        {
            body.Add(AdaptiveCard.Text(ticket.Description));
        }
        foreach (var comment in view.Comments)
        {
            var label = comment.IsInternal ? "internal note" : "comment";
            body.Add(AdaptiveCard.Text($"{comment.Author} · {label} · {TicketText.When(comment.CreatedAt, zone)}", subtle: true));
            body.Add(AdaptiveCard.Text(comment.Text));
        }
        return AdaptiveCard.Create(body, []);
    }

    public static JsonObject List(string heading, IReadOnlyList<TicketRow> rows, string? footer)
    {
        var body = new List<JsonObject> { AdaptiveCard.Heading(heading) };
        if (rows.Count > 0)
        {
            body.Add(AdaptiveCard.Facts([.. rows.Select(r => ($"#{r.Number}",
                $"{r.Title} · {TicketText.Label(r.Status)} · {TicketText.Label(r.Priority)} · {r.Assignee ?? "Unassigned"}"))]));
        }
        if (footer is not null)
        {
            body.Add(AdaptiveCard.Text(footer, subtle: true));
        }
        return AdaptiveCard.Create(body, []);
    }
}

/// <summary>A ticket with the names a reader needs and the comments this caller may see.</summary>
internal sealed record TicketView(Ticket Ticket, string Requester, string? Assignee, IReadOnlyList<CommentView> Comments);

internal sealed record CommentView(string Author, string Text, bool IsInternal, DateTimeOffset CreatedAt);
