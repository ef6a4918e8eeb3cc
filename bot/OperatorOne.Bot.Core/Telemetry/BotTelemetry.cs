using System.Diagnostics;

namespace OperatorOne.Bot.Core.Telemetry;

/// <summary>
/// The bot's own spans: one per turn, one per tool call, one per outbox delivery. Exported when OpenTelemetry is
/// configured (see the host's AddTelemetry); without a listener, StartActivity returns null and costs nothing.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "OperatorOne";
    public const string TurnSpan = "turn";
    public const string ToolSpan = "tool";
    public const string OutboxSpan = "outbox.deliver";

    public const string ChannelTag = "operatorone.channel";
    public const string OrganizationTag = "operatorone.organization_id";
    public const string ToolTag = "operatorone.tool";
    public const string OutcomeTag = "operatorone.outcome";
    public const string ToolOutcomeTag = "operatorone.tool.outcome";
    public const string ApprovalRequestedTag = "operatorone.approval_requested";

    public static ActivitySource Source { get; } = new(Name);

    /// <summary>The span of the turn this code runs in, found through the parents of the current span.</summary>
    public static Activity? CurrentTurn()
    {
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            if (activity.Source == Source && activity.OperationName == TurnSpan)
            {
                return activity;
            }
        }
        return null;
    }
}
