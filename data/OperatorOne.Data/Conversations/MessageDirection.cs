namespace OperatorOne.Data.Conversations;

public enum MessageDirection
{
    Inbound,
    Outbound,
}
