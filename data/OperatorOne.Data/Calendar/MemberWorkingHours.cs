namespace OperatorOne.Data.Calendar;

/// <summary>
/// A member's own working hours, on the wall clock of their own time zone; members without a row work the
/// organization-wide default (Calendar:WorkdayStart/WorkdayEnd, Monday to Friday).
/// </summary>
public sealed class MemberWorkingHours
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid MemberId { get; set; }
    public TimeOnly StartsAt { get; set; }
    public TimeOnly EndsAt { get; set; }

    /// <summary>The working weekdays as bits: 1 &lt;&lt; (int)DayOfWeek, so Monday–Friday is 0b0111110.</summary>
    public int Days { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
