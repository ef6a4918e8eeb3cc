using Microsoft.Extensions.AI;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Bot.Core.Ai;

/// <summary>
/// The model's answer is waited for aside (<see cref="TurnAdmission.AwayAsync{T}"/>): a turn waiting seconds on the model
/// keeps its connection but not its share of the cores, so twenty members asking at once all reach the model together.
/// It sits under the function invocation, so the tools the model calls run as work.
/// </summary>
internal sealed class TurnAsideChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        TurnAdmission.AwayAsync(() => base.GetResponseAsync(messages, options, cancellationToken));
}
