namespace OperatorOne.Data.Outbox;

public enum OutboxStatus
{
    Pending,
    Sent,

    /// <summary>Given up: a permanent error (blocked, not found) or too many attempts.</summary>
    Dead,

    /// <summary>Its chat could not take it (stale, or the channel is gone); the same notice went to the member's email in the message whose <see cref="OutboxMessage.ReroutedFromId"/> is this one.</summary>
    Rerouted,
}
