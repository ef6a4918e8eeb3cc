namespace OperatorOne.Skills.Calendar;

public enum SchedulePeriod
{
    Today,
    Tomorrow,
    ThisWeek,
    NextWeek,
}
