namespace OperatorOne.Data.ServiceDesk;

/// <summary>When SLA time runs for an organization; without a row it runs around the clock.</summary>
public sealed class BusinessHours
{
    public Guid OrganizationId { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }

    /// <summary>One bit per <see cref="DayOfWeek"/>: bit 1 is Monday.</summary>
    public int WorkDays { get; set; }
}
