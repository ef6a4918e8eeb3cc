using System.Text.Json.Nodes;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>A channel-agnostic answer: text, an optional Adaptive Card, optional spoken words.</summary>
public sealed record Reply(string Text)
{
    public JsonObject? Card { get; init; }
    public string? Speak { get; init; }
}
