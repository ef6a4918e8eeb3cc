namespace OperatorOne.Benchmarks.Turns;

/// <summary>One channel's real endpoint, driven the way its service drives it, over one member conversation after another.</summary>
internal interface ITurnChannel
{
    string Name { get; }

    /// <summary>True when the reply is pushed after the answer (through the outbox); false when it is in place once the request is answered.</summary>
    bool RepliesFollowTheAnswer { get; }

    /// <summary>Opens a conversation per member (what the channel needs before the first message).</summary>
    Task PrepareAsync(HttpClient http, CancellationToken cancellationToken);

    /// <summary>Sends one message in the next conversation; true when the channel's endpoint took it as the service expects.</summary>
    Task<bool> SendAsync(HttpClient http, string text, CancellationToken cancellationToken);

    /// <summary>How many turns sent so far have no reply yet (as the channel's client or service sees replies).</summary>
    Task<long> MissingRepliesAsync(HttpClient http, CancellationToken cancellationToken);
}

/// <summary>Conversations taken in turn, so concurrent senders rarely share one; counts what each was sent.</summary>
internal sealed class ConversationRing<T>(IReadOnlyList<T> conversations)
{
    private readonly int[] _sent = new int[conversations.Count];
    private long _next = -1;

    public IReadOnlyList<T> All => conversations;

    public (T Conversation, int Index) Next()
    {
        var index = (int)(Interlocked.Increment(ref _next) % conversations.Count);
        return (conversations[index], index);
    }

    public void Sent(int index) => Interlocked.Increment(ref _sent[index]);

    public int SentTo(int index) => Volatile.Read(ref _sent[index]);

    /// <summary>Turns sent to each conversation beyond the replies <paramref name="replies"/> says it got.</summary>
    public long Missing(Func<T, int, int> replies) =>
        Enumerable.Range(0, conversations.Count).Sum(i => (long)Math.Max(0, SentTo(i) - replies(conversations[i], i)));
}
