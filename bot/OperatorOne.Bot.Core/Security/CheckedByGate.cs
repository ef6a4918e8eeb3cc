namespace OperatorOne.Bot.Core.Security;

/// <summary>
/// Endpoint metadata: this endpoint's own gate runs <see cref="InboundBody.CheckAsync"/> after authenticating the caller,
/// so the host-wide check leaves it alone (the admin API answers 401 before it reads a body).
/// </summary>
public sealed class CheckedByGate
{
    public static readonly CheckedByGate Instance = new();

    private CheckedByGate()
    {
    }
}
