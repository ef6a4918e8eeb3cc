namespace OperatorOne.Bot.Core.Security;

/// <summary>Why a request is refused before any handler reads it: 400 (bad content) or 413 (too large), with a reason.</summary>
public sealed record InboundProblem(int Status, string Reason);
