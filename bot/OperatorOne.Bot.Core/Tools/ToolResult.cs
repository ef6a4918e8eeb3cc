using System.Text.Json.Nodes;

namespace OperatorOne.Bot.Core.Tools;

/// <summary>What a tool says back: text for every channel, an optional Adaptive Card, optional data for an LLM.</summary>
public sealed record ToolResult(string Text)
{
    public JsonObject? Card { get; init; }

    /// <summary>Shorter words for voice; defaults to <see cref="Text"/>.</summary>
    public string? Speak { get; init; }

    /// <summary>False when the tool refused (not found, invalid move): nothing changed.</summary>
    public bool Succeeded { get; init; } = true;

    /// <summary>Set when the tool needs the caller to pick one of several matches; the answer re-runs the call.</summary>
    public Clarification? Clarify { get; init; }

    public static ToolResult Refused(string reason) => new(reason) { Succeeded = false };

    /// <summary>"There are two Danas: Dana Lee at Acme or Dana Ortiz at Globex?" — nothing changed; the answer fills <paramref name="parameter"/>.</summary>
    public static ToolResult Ask(string parameter, string question, IReadOnlyList<string> choices) =>
        new(question) { Succeeded = false, Clarify = new Clarification(parameter, choices) };
}
