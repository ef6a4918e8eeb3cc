namespace OperatorOne.Data.Calendar;

public enum CalendarKind
{
    /// <summary>One member's own calendar, made the first time they schedule something.</summary>
    Personal,

    /// <summary>A team's shared calendar; its members are invited to what is put on it.</summary>
    Team,
}
