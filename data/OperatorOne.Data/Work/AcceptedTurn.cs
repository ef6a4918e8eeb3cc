namespace OperatorOne.Data.Work;

/// <summary>
/// A turn acknowledged to its channel before it finished (a slow model, a long tool): stored before the acknowledgement,
/// claimed by the replica running it, and run again by another replica if that one dies. Its payload (the verified
/// inbound turn, which may hold a PIN typed in chat) is emptied once the turn has committed or been given up.
/// </summary>
public sealed class AcceptedTurn
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Channel { get; set; }
    public required string DeliveryId { get; set; }

    /// <summary>The inbound turn as JSON.</summary>
    public required string Payload { get; set; }
    public WorkStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The replica running it; a claim by a replica that stopped beating counts as none.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset AcceptedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
