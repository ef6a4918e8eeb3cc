using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Work;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Skills.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>The service desk on top of tickets: queues, categories and triage, SLA policies, business hours, the SLA scan.</summary>
public static class ServiceDeskSkill
{
    internal static IReadOnlyList<ToolDefinition> Tools { get; } =
    [
        ListQueueTickets.Definition,
        BreachingToday.Definition,
        MyQueue.Definition,
        EscalateTicket.Definition,
        CreateQueue.Definition,
        AddQueueMember.Definition,
        AddCategory.Definition,
        AddPriorityRule.Definition,
        SetSlaPolicy.Definition,
        SetBusinessHours.Definition,
        AddHoliday.Definition,
    ];

    public static IHostApplicationBuilder AddServiceDesk(this IHostApplicationBuilder builder)
    {
        foreach (var tool in Tools)
        {
            builder.Services.AddSingleton(tool);
        }
        builder.Services.AddSingleton<DeskSettingsCache>();
        builder.Services.AddSingleton<ITicketLifecycle, SlaTicketLifecycle>();
        builder.Services.AddSingleton<SlaScan>();
        builder.Services.AddSingleton<IPeriodicJob>(services => services.GetRequiredService<SlaScan>());
        return builder;
    }
}
