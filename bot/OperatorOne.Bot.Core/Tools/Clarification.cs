namespace OperatorOne.Bot.Core.Tools;

/// <summary>A tool's "which one?": the parameter whose value was ambiguous and the choices it could mean.</summary>
public sealed record Clarification(string Parameter, IReadOnlyList<string> Choices);
