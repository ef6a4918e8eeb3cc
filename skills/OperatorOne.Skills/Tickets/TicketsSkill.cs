using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Skills.Tickets;

/// <summary>The tickets skill: open, list, search, show, move, prioritize, edit, assign, comment on and delete help-desk tickets.</summary>
public static class TicketsSkill
{
    internal static IReadOnlyList<ToolDefinition> Tools { get; } =
    [
        CreateTicket.Definition,
        ListTickets.Mine,
        ListTickets.Open,
        ShowTicket.Definition,
        ChangeTicketStatus.Definition,
        AssignTicket.Definition,
        CommentOnTicket.Definition,
        DeleteTicket.Definition,
        ChangeTicketPriority.Definition,
        EditTicket.Definition,
        SearchTickets.Definition,
    ];

    public static IHostApplicationBuilder AddTickets(this IHostApplicationBuilder builder)
    {
        foreach (var tool in Tools)
        {
            builder.Services.AddSingleton(tool);
        }
        return builder;
    }
}
