using OperatorOne.Data.Tickets;

namespace OperatorOne.Skills.ServiceDesk;

/// <summary>Targets used for a priority the organization has not set a policy for.</summary>
internal static class SlaDefaults
{
    public static (TimeSpan FirstResponse, TimeSpan Resolution) For(TicketPriority priority) => priority switch
    {
        TicketPriority.Urgent => (TimeSpan.FromMinutes(30), TimeSpan.FromHours(4)),
        TicketPriority.High => (TimeSpan.FromHours(1), TimeSpan.FromHours(8)),
        TicketPriority.Normal => (TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
        _ => (TimeSpan.FromHours(8), TimeSpan.FromHours(72)),
    };

    /// <summary>The share of a target after which the assignee is warned.</summary>
    public const double WarningShare = 0.8;
}
