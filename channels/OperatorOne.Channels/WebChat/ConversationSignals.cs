using System.Collections.Concurrent;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// Wakes this replica's open streams when their conversation gets a new activity. Only a hint: a stream also
/// re-reads the log on a short timer, so a lost signal delays an activity but never loses it.
/// </summary>
internal sealed class ConversationSignals
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _subscribers = new();

    public Subscription Subscribe(string conversationId)
    {
        var subscription = new Subscription(this, conversationId);
        _subscribers.GetOrAdd(conversationId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    public void Notify(string conversationId)
    {
        if (_subscribers.TryGetValue(conversationId, out var subscriptions))
        {
            foreach (var subscription in subscriptions.Keys)
            {
                subscription.Wake();
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        if (_subscribers.TryGetValue(subscription.ConversationId, out var subscriptions))
        {
            subscriptions.TryRemove(subscription, out _);
            if (subscriptions.IsEmpty)
            {
                _subscribers.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Subscription, byte>>(subscription.ConversationId, subscriptions));
            }
        }
    }

    internal sealed class Subscription(ConversationSignals owner, string conversationId) : IDisposable
    {
        private readonly SemaphoreSlim _signal = new(0, 1);

        public string ConversationId => conversationId;

        /// <summary>True when woken, false when the timeout passed first.</summary>
        public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

        internal void Wake()
        {
            try
            {
                if (_signal.CurrentCount == 0)
                {
                    _signal.Release();
                }
            }
            catch (SemaphoreFullException)
            {
                // A concurrent wake got there first; one pending wake is enough.
            }
            catch (ObjectDisposedException)
            {
                // The stream closed between lookup and wake.
            }
        }

        public void Dispose()
        {
            owner.Remove(this);
            _signal.Dispose();
        }
    }
}
