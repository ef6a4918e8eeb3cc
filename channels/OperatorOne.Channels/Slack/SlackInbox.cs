using System.Threading.Channels;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Channels.Slack;

/// <summary>
/// Verified Slack work waiting for the background worker, so every request is acknowledged within Slack's 3 s.
/// In memory on purpose: the ack promised Slack nothing more, and the turn's de-duplication lives in PostgreSQL.
/// </summary>
internal sealed class SlackInbox
{
    private const int Capacity = 1000;
    private readonly Channel<SlackWork> _queue = Channel.CreateBounded<SlackWork>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    /// <summary>False when the queue is full; the caller answers 503 so Slack retries later.</summary>
    public bool TryEnqueue(SlackWork work) => _queue.Writer.TryWrite(work);

    public IAsyncEnumerable<SlackWork> ReadAllAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);
}

internal enum SlackWorkKind
{
    /// <summary>A DM or mention: replies go to the conversation through the outbox.</summary>
    Message,

    /// <summary>A button click: the reply goes to the clicker only, through response_url.</summary>
    Interaction,

    /// <summary>A slash command: the reply is the HTTP answer when ready in time, else a response_url follow-up.</summary>
    Command,
}

/// <summary>One verified inbound Slack request, ready to become a turn.</summary>
internal sealed record SlackWork
{
    public required SlackWorkKind Kind { get; init; }
    public required string TeamId { get; init; }
    public required InboundTurn Turn { get; init; }

    /// <summary>Where replies to a channel mention go: the thread it started or belongs to.</summary>
    public string? ThreadTs { get; init; }
    public Uri? ResponseUrl { get; init; }
    public InlineAnswer? Inline { get; init; }
}

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
