namespace OperatorOne.Bot.Core.Work;

/// <summary>This process among the replicas: the name its claims and heartbeats carry.</summary>
public sealed class ReplicaId
{
    public string Value { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public override string ToString() => Value;
}
