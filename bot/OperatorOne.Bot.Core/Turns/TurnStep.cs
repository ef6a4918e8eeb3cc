using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Bot.Core.Turns;

/// <summary>A channel's own step by the name of its <see cref="ITurnStep"/>, with what it needs (kept out of the transcript).</summary>
public sealed record TurnStep(string Name, JsonObject Input);

/// <summary>
/// A channel's guided step (the phone's intake, approvals and PIN flows), run by the core in place of the router, in
/// the same transaction, de-duplication, identity and transcript as any turn.
/// </summary>
public interface ITurnStep
{
    string Name { get; }

    Task<IReadOnlyList<Reply>> RunAsync(InboundTurn turn, ToolContext context, CancellationToken cancellationToken);
}
