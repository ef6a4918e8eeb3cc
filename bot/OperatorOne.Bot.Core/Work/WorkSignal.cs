using System.Collections.Concurrent;

namespace OperatorOne.Bot.Core.Work;

/// <summary>Wakes a queue of this replica at once (work was just committed here); other replicas find it by polling.</summary>
public sealed class WorkSignal : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _queues = new(StringComparer.Ordinal);

    public void Notify(string queue)
    {
        var signal = For(queue);
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled by a concurrent commit.
            }
        }
    }

    public Task<bool> WaitAsync(string queue, TimeSpan timeout, CancellationToken cancellationToken) =>
        For(queue).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim For(string queue) => _queues.GetOrAdd(queue, _ => new SemaphoreSlim(0, 1));

    public void Dispose()
    {
        foreach (var signal in _queues.Values)
        {
            signal.Dispose();
        }
    }
}
