using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Channels.Email;

/// <summary>What a mail led to: the answers, the ticket it is about (for the subject token), and a line for the receipt.</summary>
internal sealed record MailOutcome(IReadOnlyList<Reply> Replies, int? TicketNumber, string Summary);
