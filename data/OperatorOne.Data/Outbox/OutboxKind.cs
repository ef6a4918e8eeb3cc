namespace OperatorOne.Data.Outbox;

public enum OutboxKind
{
    /// <summary>Post a new activity to the conversation.</summary>
    Send,

    /// <summary>Replace an activity already sent (a decided approval card).</summary>
    Update,

    /// <summary>POST an event to a webhook subscription's URL, signed.</summary>
    Webhook,
}
