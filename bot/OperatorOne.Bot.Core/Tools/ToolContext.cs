using OperatorOne.Bot.Core.Outbox;
using OperatorOne.Data;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>
/// One call's surroundings: the store (already scoped to the organization and caller), the caller, the clock, the outbox,
/// where the call comes from. The turn loop, the approval paths and the channels carry it; no tool and no approval hook
/// takes it: each declares the parts it uses as parameters, which <see cref="ToolFunctions"/> binds from it per call (a
/// tool that hands its call on to another asks for a <see cref="CallHandOff"/>).
/// </summary>
public sealed record ToolContext
{
    public required OperatorOneDb Db { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Caller Caller { get; init; }
    public required TimeProvider Clock { get; init; }
    public required OutboxWriter Outbox { get; init; }
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
