using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>What a tool may use: the store (already scoped to the organization), the caller, the clock, the outbox.</summary>
public sealed record ToolContext
{
    public required OperatorOneDb Db { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Caller Caller { get; init; }
    public required TimeProvider Clock { get; init; }
    public required OutboxWriter Outbox { get; init; }
    public required IServiceProvider Services { get; init; }
    public Guid? ConversationId { get; init; }

    /// <summary>The inbound activity this turn answers, so audit rows of one turn can be found together.</summary>
    public string? TurnId { get; init; }

    /// <summary>Set when the call runs because an approver approved it.</summary>
    public Caller? ApprovedBy { get; init; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The organization as a tool parameter binds it.</summary>
    public CurrentOrganization Organization => new(OrganizationId);

    /// <summary>Where the call comes from, as a tool parameter binds it.</summary>
    public ToolCallOrigin Origin => new(ConversationId, TurnId, ApprovedBy);
}
