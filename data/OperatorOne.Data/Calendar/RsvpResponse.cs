namespace OperatorOne.Data.Calendar;

public enum RsvpResponse
{
    Pending,
    Accepted,
    Declined,
    Tentative,
}
