namespace OperatorOne.Bot.Core.Tools;

/// <summary>
/// Where a tool call comes from, for the few tools that record or answer it there: the conversation (null from the admin
/// API or MCP), the inbound activity of the turn, and the approver when the call runs because it was approved.
/// </summary>
public sealed record ToolCallOrigin(Guid? ConversationId, string? TurnId, Caller? ApprovedBy);
