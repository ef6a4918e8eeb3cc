using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.Tickets;

/// <summary>The queries several ticket tools share. Row-level security already limits them to the caller's organization.</summary>
internal static class TicketQueries
{
    /// <summary>Guests see only the tickets they opened from the same channel identity (their phone number).</summary>
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, Caller caller) =>
        caller.IsGuest
            ? tickets.Where(t => t.RequesterId == null && t.GuestContact == caller.ChannelUserId)
            : tickets;

    public static Task<Ticket?> FindVisibleAsync(this OperatorOneDb db, int number, Caller caller, CancellationToken cancellationToken) =>
        db.Tickets.VisibleTo(caller).FirstOrDefaultAsync(t => t.Number == number, cancellationToken);

    public static string NotFound(int number) => $"I couldn't find ticket #{number}.";
}
