namespace OperatorOne.Channels.Slack;

/// <summary>
/// The race between a slash command's HTTP answer and its turn: exactly one of "answered in time" and "deferred"
/// wins, so a reply is shown once, inline or through response_url.
/// </summary>
internal sealed class InlineAnswer
{
    private const int Pending = 0;
    private const int Answered = 1;
    private const int Deferred = 2;
    private readonly TaskCompletionSource<SlackMessage> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public Task<SlackMessage> Answer => _answer.Task;

    public bool TryAnswer(SlackMessage message)
    {
        if (Interlocked.CompareExchange(ref _state, Answered, Pending) != Pending)
        {
            return false;
        }
        _answer.SetResult(message);
        return true;
    }

    public bool TryDefer() => Interlocked.CompareExchange(ref _state, Deferred, Pending) == Pending;
}
