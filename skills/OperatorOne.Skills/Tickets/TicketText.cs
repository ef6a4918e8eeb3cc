using System.Globalization;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.Tickets;

/// <summary>How tickets read in a sentence, the same words on every channel (and spoken on the phone).</summary>
internal static class TicketText
{
    public const int MaxTitleLength = 300;
    public const int MaxCommentLength = 4000;

    public static string Word(TicketStatus status) => status.ToString().ToLowerInvariant();

    public static string Word(TicketPriority priority) => priority.ToString().ToLowerInvariant();

    public static string Label(TicketStatus status) => status.ToString();

    public static string Label(TicketPriority priority) => priority.ToString();

    /// <summary>"open", "open or closed", "open, resolved or closed".</summary>
    public static string List(IEnumerable<string> words)
    {
        var items = words.ToList();
        return items.Count switch
        {
            0 => "nothing",
            1 => items[0],
            _ => $"{string.Join(", ", items[..^1])} or {items[^1]}",
        };
    }

    /// <summary>People type titles in lower case and end them with a full stop; tickets read better without either.</summary>
    public static string Title(string text)
    {
        var title = text.Trim().TrimEnd('.', '!', '?', ' ');
        if (title.Length == 0)
        {
            return title;
        }
        title = char.ToUpper(title[0], CultureInfo.InvariantCulture) + title[1..];
        return title.Length <= MaxTitleLength ? title : title[..(MaxTitleLength - 1)] + "…";
    }

    /// <summary>One ticket in a list: "#12 Printer jammed (open, high, Mia Wong)".</summary>
    public static string Line(TicketRow row) =>
        $"#{row.Number} {row.Title} ({Word(row.Status)}, {Word(row.Priority)}, {row.Assignee ?? "unassigned"})";

    /// <summary>On the reader's wall clock, the way approval cards show times.</summary>
    public static string When(DateTimeOffset when, TimeZoneInfo? zone = null) => Bot.Core.Approvals.ApprovalCards.Format(when, zone);
}

/// <summary>What a list shows of a ticket.</summary>
internal sealed record TicketRow(int Number, string Title, TicketStatus Status, TicketPriority Priority, string? Assignee);
