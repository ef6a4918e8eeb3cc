namespace OperatorOne.Data.Conversations;

/// <summary>
/// A delivery already taken in. Checked before the tenant is known, so it is a system table without
/// row-level security; it holds no business data, only (channel, delivery id).
/// </summary>
public sealed class ProcessedDelivery
{
    public required string Channel { get; set; }
    public required string DeliveryId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
