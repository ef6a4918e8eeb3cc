namespace OperatorOne.Data.Calendar;

public enum EventKind
{
    Meeting,
    Campaign,
    Deadline,
    Reminder,
}
