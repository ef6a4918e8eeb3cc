using System.Collections.Concurrent;
using System.Diagnostics;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// Counts the SQL a request costs, client side and exactly: every command Npgsql runs (its own span, so the set_config
/// the tenant interceptor writes is seen too) and every transaction EF begins, attributed to one trace. The test starts
/// a root span around its request; HttpClient passes it on as traceparent, the bot's request span adopts it, and every
/// command the request causes is a descendant. Other tests' commands belong to other traces.
/// </summary>
internal sealed class SqlRecorder : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly ActivityListener _spans;
    private readonly IDisposable _subscription;
    private readonly ConcurrentQueue<IDisposable> _efSubscriptions = new();
    private readonly ConcurrentQueue<(ActivityTraceId Trace, string Event)> _events = new();

    public SqlRecorder()
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore" or "OperatorOne",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            // Stopped, not started: Npgsql tags the statement text once it ran.
            ActivityStopped = span =>
            {
                if (span.Source.Name == "Npgsql")
                {
                    _events.Enqueue((span.TraceId, "SQL " + (span.GetTagItem("db.query.text") as string
                        ?? string.Join(",", span.TagObjects.Select(t => t.Key)))));
                }
            },
        };
        ActivitySource.AddActivityListener(_spans);
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Runs <paramref name="request"/> under a root span of its own and returns what its trace cost.</summary>
    public async Task<SqlCost> MeasureAsync(Func<Task> request)
    {
        ActivityTraceId trace;
        using (var root = new Activity("measured request").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            trace = root.TraceId;
            await request();
        }
        var events = _events.Where(e => e.Trace == trace).Select(e => e.Event).ToList();
        return new SqlCost(events);
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            _efSubscriptions.Enqueue(value.Subscribe(this, name => name.EndsWith(".TransactionStarted", StringComparison.Ordinal)
                || name.EndsWith(".TransactionCommitted", StringComparison.Ordinal) || name.EndsWith(".TransactionRolledBack", StringComparison.Ordinal)));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Activity.Current is { } current)
        {
            _events.Enqueue((current.TraceId, value.Key[(value.Key.LastIndexOf('.') + 1)..]));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _spans.Dispose();
        _subscription.Dispose();
        while (_efSubscriptions.TryDequeue(out var subscription))
        {
            subscription.Dispose();
        }
    }
}

/// <summary>What one request cost: its commands in order, with its transactions' begin and end among them.</summary>
internal sealed record SqlCost(IReadOnlyList<string> Events)
{
    /// <summary>Commands sent, each one round trip (BEGIN rides on the first; COMMIT is one more, not counted here).</summary>
    public IReadOnlyList<string> Commands => Events.Where(e => e.StartsWith("SQL ", StringComparison.Ordinal)).ToList();

    /// <summary>SQL statements: a command EF batches (SaveChanges) carries several, separated by semicolons.</summary>
    public int Statements => Commands.Sum(c => c.Split(';').Count(s => !string.IsNullOrWhiteSpace(s)));

    public int Transactions => Events.Count(e => e == "TransactionStarted");

    /// <summary>Statements run outside a transaction: each one is a transaction of its own on the server.</summary>
    public int Autocommits
    {
        get
        {
            var inside = false;
            var count = 0;
            foreach (var e in Events)
            {
                inside = e == "TransactionStarted" || (inside && e is not ("TransactionCommitted" or "TransactionRolledBack"));
                count += !inside && e.StartsWith("SQL ", StringComparison.Ordinal) ? 1 : 0;
            }
            return count;
        }
    }

    public override string ToString() => string.Join("\n", Events) + "\n"
        + $"{Commands.Count} commands, {Statements} statements, {Transactions} transactions, {Autocommits} commands outside a transaction";
}
