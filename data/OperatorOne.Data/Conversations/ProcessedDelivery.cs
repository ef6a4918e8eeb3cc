namespace OperatorOne.Data.Conversations;

/// <summary>
/// A delivery whose turn has committed: inserted first in the turn's own transaction, so a retry of the same
/// delivery (any replica, any time) waits for it and then runs nothing. Tenant data like everything else.
/// </summary>
public sealed class ProcessedDelivery
{
    public Guid OrganizationId { get; set; }
    public required string Channel { get; set; }
    public required string DeliveryId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
