namespace OperatorOne.Skills.ServiceDesk;

/// <summary>The names stored in <c>sla_notices</c>.</summary>
internal static class SlaTargets
{
    public const string FirstResponse = "first_response";
    public const string Resolution = "resolution";
    public const string Warning = "warning";
    public const string Breach = "breach";
}
