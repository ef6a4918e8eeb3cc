namespace OperatorOne.Data.Work;

/// <summary>
/// A running bot process and its last heartbeat. Work claimed by a replica whose heartbeat is older than the timeout
/// (killed, frozen, cut off) is anybody's again; a replica that stops cleanly deletes its row and frees its claims at once.
/// </summary>
public sealed class Replica
{
    public required string Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
