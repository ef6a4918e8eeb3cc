using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Understands what the caller said and answers, calling tools only through the <see cref="ToolExecutor"/>.
/// Two implementations: the built-in one (patterns and dialogs, no network) and the LLM one.
/// </summary>
public interface IRecognizer
{
    Task<IReadOnlyList<Reply>> RespondAsync(string text, ToolContext context, CancellationToken cancellationToken);
}
