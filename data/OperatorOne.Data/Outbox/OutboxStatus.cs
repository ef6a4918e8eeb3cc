namespace OperatorOne.Data.Outbox;

public enum OutboxStatus
{
    Pending,
    Sent,

    /// <summary>Given up: a permanent error (blocked, not found) or too many attempts.</summary>
    Dead,
}
